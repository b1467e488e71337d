package io.attain.command.process.support;

import io.attain.command.domain.DomainRuleViolation;
import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ProcessCommands} on Axon's command and event bus. Every command and event is sent from a thread of its
 * own, outside the event processor's unit of work: its events are stored when it returns, not when the processor's
 * batch commits (after the processor's token, which a Mongo token store does not roll back). A command that loses a
 * race with a concurrent writer is retried.
 */
public final class BusProcessCommands implements ProcessCommands, AutoCloseable {

    private static final int RETRIES = 5;
    private static final long TIMEOUT_SECONDS = 120;

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final ExecutorService executor;

    public BusProcessCommands(CommandBus commandBus, EventBus eventBus) {
        this(commandBus, eventBus, "commission-process-commands");
    }

    /** The same for another process (e.g. the channel process), with its own sending thread. */
    public BusProcessCommands(CommandBus commandBus, EventBus eventBus, String threadName) {
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Outcome send(Object command) {
        for (int attempt = 0; ; attempt++) {
            try {
                return Outcome.ok(dispatch(command));
            } catch (ConcurrencyException e) {
                if (attempt >= RETRIES) {
                    throw e;
                }
            } catch (DomainRuleViolation violation) {
                Outcome.Kind kind = violation instanceof DuplicateException ? Outcome.Kind.DUPLICATE
                        : violation instanceof IllegalTransitionException ? Outcome.Kind.ILLEGAL_TRANSITION
                        : Outcome.Kind.INVALID;
                return new Outcome(kind, violation.field(), violation.rule());
            }
        }
    }

    private Object dispatch(Object command) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        executor.execute(() -> {
            try {
                commandBus.dispatch(message, (CommandMessage<?> c, CommandResultMessage<?> outcome) -> {
                    if (outcome.isExceptional()) {
                        result.completeExceptionally(outcome.exceptionResult());
                    } else {
                        result.complete(outcome.getPayload());
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return await(result);
    }

    @Override
    public void publish(Object event) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                eventBus.publish(GenericEventMessage.asEventMessage(event));
                result.complete(null);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        await(result);
    }

    private static Object await(CompletableFuture<Object> result) {
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a command", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer to a command within " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
