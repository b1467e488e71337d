package io.attain.command.web;

import io.attain.command.authorization.Actor;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.platform.security.AttainPrincipal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the commands of the HTTP API: attaches the authenticated actor (ids and roles, no credentials)
 * as metadata, runs the command off the event loop on the {@link CommandScheduler}'s threads, retries it
 * up to {@value #RETRIES} times when a concurrent writer got there first, and answers with the {@link WriteResult} of what it appended (the
 * engine's receipt for the command message id).
 */
@Component
public class CommandDispatcher {

    static final int RETRIES = 3;

    private final CommandBus commandBus;
    private final MongoEventStorageEngine engine;

    public CommandDispatcher(CommandBus commandBus, MongoEventStorageEngine engine) {
        this.commandBus = commandBus;
        this.engine = engine;
    }

    /** Builds the command (a malformed value becomes a 422) and sends it. */
    public Mono<WriteResult> send(Callable<?> command) {
        return send(command, Map.of());
    }

    /**
     * @param command    builds the command; an {@code IllegalArgumentException "field: rule"} is a 422
     * @param fieldNames the request's name of a command field where they differ, for error reports
     */
    public Mono<WriteResult> send(Callable<?> command, Map<String, String> fieldNames) {
        return actor()
                .flatMap(actor -> Mono.fromCallable(command)
                        .onErrorMap(IllegalArgumentException.class, e -> CommandProblems.invalidValue(e, fieldNames))
                        .map(payload -> GenericCommandMessage.asCommandMessage(payload).andMetaData(actor.toMetaData()))
                        .flatMap(this::dispatch))
                .onErrorMap(error -> {
                    var problem = CommandProblems.map(error, fieldNames);
                    return problem != null ? problem : error;
                });
    }

    private Mono<WriteResult> dispatch(CommandMessage<?> message) {
        return Mono.defer(() -> Mono.fromFuture(handle(message)))
                .subscribeOn(CommandScheduler.commands())
                .retryWhen(Retry.max(RETRIES)
                        .filter(ConcurrencyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .then(Mono.fromCallable(() -> engine.receiptFor(message.getIdentifier())
                        .map(WriteResult::of)
                        .orElseThrow(() -> new IllegalStateException(
                                "Command " + message.getIdentifier() + " succeeded but appended nothing"))));
    }

    /**
     * Straight to the command bus rather than through the gateway, which logs every refused command as a
     * warning; refusals are answers here, not incidents.
     */
    private CompletableFuture<Object> handle(CommandMessage<?> message) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        commandBus.dispatch(message, (CommandMessage<?> command, CommandResultMessage<?> outcome) -> {
            if (outcome.isExceptional()) {
                result.completeExceptionally(outcome.exceptionResult());
            } else {
                result.complete(outcome.getPayload());
            }
        });
        return result;
    }

    private static Mono<Actor> actor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(AttainPrincipal.class::isInstance)
                .map(principal -> Actor.of((AttainPrincipal) principal))
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("No authenticated principal")));
    }
}
