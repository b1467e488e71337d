package io.attain.command.web;

import io.attain.command.authorization.Actor;
import io.attain.eventstore.AppendReceipt;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainAuthentication;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CommandDispatcherTest {

    private static final AttainPrincipal MANAGER =
            new AttainPrincipal("cara", Set.of(AttainRole.MANAGER), "cara", "east");

    private final CommandBus bus = mock(CommandBus.class);
    private final MongoEventStorageEngine engine = mock(MongoEventStorageEngine.class);
    private final CommandDispatcher dispatcher = new CommandDispatcher(bus, engine);
    /** What the bus answers, one outcome per dispatch: an exception, or a result. */
    private final Deque<Object> outcomes = new ArrayDeque<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        doAnswer(invocation -> {
            CommandMessage<Object> message = invocation.getArgument(0);
            CommandCallback<Object, Object> callback = invocation.getArgument(1);
            Object outcome = outcomes.isEmpty() ? "ok" : outcomes.pop();
            callback.onResult(message, outcome instanceof Throwable failure
                    ? GenericCommandResultMessage.asCommandResultMessage(failure)
                    : GenericCommandResultMessage.asCommandResultMessage(outcome));
            return null;
        }).when(bus).dispatch(any(), any());
        when(engine.receiptFor(anyString())).thenReturn(Optional.of(new AppendReceipt("r-1", 3, 42)));
    }

    private Mono<WriteResult> send(Callable<?> command) {
        return dispatcher.send(command, Map.of("initialStage", "stage"))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new AttainAuthentication(MANAGER)));
    }

    private static CreateRegionCommand region() {
        return new CreateRegionCommand("r-1", "North", "m", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersWithTheReceiptOfTheCommandAndCarriesTheActor() {
        WriteResult result = send(CommandDispatcherTest::region).block();

        assertThat(result).isEqualTo(new WriteResult("r-1", 3, 42));
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(bus).dispatch(sent.capture(), any());
        assertThat(sent.getValue().getPayload()).isEqualTo(region());
        assertThat(Actor.from(sent.getValue().getMetaData())).contains(Actor.of(MANAGER));
        verify(engine).receiptFor(sent.getValue().getIdentifier());
    }

    @Test
    void retriesAConcurrentModificationUpTo3Times() {
        outcomes.add(new ConcurrencyException("lost the race"));
        outcomes.add(new ConcurrencyException("lost the race"));
        outcomes.add(new ConcurrencyException("lost the race"));

        assertThat(send(CommandDispatcherTest::region).block()).isEqualTo(new WriteResult("r-1", 3, 42));
        verify(bus, times(4)).dispatch(any(), any());
    }

    @Test
    void givesUpWith409AfterTheThirdRetry() {
        for (int i = 0; i < 4; i++) {
            outcomes.add(new ConcurrencyException("lost the race"));
        }
        outcomes.add("would have succeeded");

        assertThatThrownBy(() -> send(CommandDispatcherTest::region).block())
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.CONCURRENT_MODIFICATION);
                    assertThat(problem.status().value()).isEqualTo(409);
                });
        verify(bus, times(4)).dispatch(any(), any());
    }

    @Test
    void doesNotRetryASecondCreation() {
        outcomes.add(new AggregateStreamCreationException("exists"));

        assertThatThrownBy(() -> send(CommandDispatcherTest::region).block())
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.DUPLICATE));
        verify(bus, times(1)).dispatch(any(), any());
    }

    @Test
    void aValueTheCommandRefusesIs422UnderTheRequestsFieldNameAndIsNeverSent() {
        assertThatThrownBy(() -> send(() -> new OpenDealCommand("d", "r", "c", "p", Channel.DIRECT, null,
                new Money(BigDecimal.TEN, "EURO"), null, null, null)).block())
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.INVALID_REQUEST);
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.errors()).containsExactly(
                            new Violation("currency", "must be an ISO 4217 currency code, was \"EURO\""));
                });
        verify(bus, never()).dispatch(any(), any());
    }

    @Test
    void domainViolationsAreReportedUnderTheRequestsFieldName() {
        outcomes.add(new io.attain.command.domain.InvalidCommandException("initialStage", "must be an open stage"));

        assertThatThrownBy(() -> send(CommandDispatcherTest::region).block())
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.RULE_VIOLATION);
                    assertThat(problem.getMessage()).isEqualTo("stage: must be an open stage");
                    assertThat(problem.errors()).containsExactly(new Violation("stage", "must be an open stage"));
                });
    }

    @Test
    void refusesToSendWithoutAnAuthenticatedPrincipal() {
        assertThatThrownBy(() -> dispatcher.send(CommandDispatcherTest::region).block())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        verify(bus, never()).dispatch(any(), any());
    }

    @Test
    void commandsWaitingForTheStoreLeaveTheSharedPoolFree() throws Exception {
        // More commands than Reactor's shared pool has threads, each blocked in the bus as if waiting for
        // the journal's fsync: on boundedElastic() they would hold all of its threads and a health check
        // (which Spring Boot runs there) would wait behind them.
        int commands = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE + 5;
        CountDownLatch allBlocked = new CountDownLatch(commands);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        doAnswer(invocation -> {
            CommandMessage<Object> message = invocation.getArgument(0);
            CommandCallback<Object, Object> callback = invocation.getArgument(1);
            threads.add(Thread.currentThread().getName());
            allBlocked.countDown();
            release.await();
            callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage("ok"));
            return null;
        }).when(bus).dispatch(any(), any());

        var results = Flux.range(0, commands)
                .flatMap(i -> send(CommandDispatcherTest::region), commands)
                .collectList()
                .toFuture();
        try {
            assertThat(allBlocked.await(10, TimeUnit.SECONDS)).as("every command reached the bus").isTrue();
            String probe = Mono.fromCallable(() -> "healthy")
                    .subscribeOn(Schedulers.boundedElastic())
                    .block(Duration.ofSeconds(2));
            assertThat(probe).isEqualTo("healthy");
            assertThat(threads).allMatch(name -> name.startsWith("attain-commands"));
        } finally {
            release.countDown();
        }
        List<WriteResult> written = results.get(10, TimeUnit.SECONDS);
        assertThat(written).hasSize(commands);
    }
}
