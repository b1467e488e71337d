package io.attain.query.web;

import io.attain.query.projection.ReadModelPositions;
import io.attain.query.projection.ReadModels;
import io.attain.query.projection.ViewChanges;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * How every query controller answers from a projection: read-after-position ({@link #after}) and live views
 * ({@link #live}), both marking answers given while the projection is being rebuilt (ADR 0004).
 */
@Component
public class ProjectionReads {

    /** Set ({@code true}) on query answers while the projection is being rebuilt; they still show the active data. */
    public static final String REBUILD_HEADER = "Attain-Rebuild-In-Progress";

    /**
     * The consistency timeout, the clock that decides "today" for attainment (never used by projections), and how
     * often a live stream sends a keep-alive comment.
     */
    public record QueryTimeouts(Duration consistency, Clock clock, Duration heartbeat) {
    }

    private final ReadModelPositions positions;
    private final ReadModels models;
    private final ViewChanges changes;
    private final Duration timeout;
    private final Duration heartbeat;

    public ProjectionReads(ReadModelPositions positions, ReadModels models, ViewChanges changes,
                           QueryTimeouts timeouts) {
        this.positions = positions;
        this.models = models;
        this.changes = changes;
        this.timeout = timeouts.consistency();
        this.heartbeat = timeouts.heartbeat();
    }

    /**
     * Waits for the projection's active generation to pass {@code minPosition} (if given), then runs the (blocking)
     * read; while a rebuild of the projection runs, the answer says so in
     * {@value #REBUILD_HEADER}.
     */
    public <T> Mono<T> after(String projection, String minPosition, ServerWebExchange exchange, Callable<T> read) {
        long position = QueryParams.minPosition(minPosition);
        return Mono.defer(() -> positions.await(models.activeProcessor(projection), position, timeout))
                   .subscribeOn(Schedulers.boundedElastic())
                   .then(Mono.fromCallable(() -> {
                       markRebuild(projection, exchange);
                       return read.call();
                   }).subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * The view as {@code text/event-stream}: its current state, then its state again whenever its processor's stored
     * token moved and the view differs from the last one sent (event id: the processor's position), with keep-alive
     * comments in between. Works on every instance: see {@link ViewChanges}.
     */
    public <T> Flux<ServerSentEvent<T>> live(String projection, String event, ServerWebExchange exchange,
                                             Callable<T> read) {
        markRebuild(projection, exchange);
        Flux<ServerSentEvent<T>> views = changes.of(projection)
                .concatMap(position -> Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic())
                                           .map(view -> Map.entry(position, view)), 1)
                .distinctUntilChanged(Map.Entry::getValue)
                .map(e -> ServerSentEvent.builder(e.getValue()).event(event).id(String.valueOf(e.getKey())).build());
        Flux<ServerSentEvent<T>> keepAlive = Flux.interval(heartbeat)
                .map(i -> ServerSentEvent.<T>builder().comment("keep-alive").build());
        return Flux.merge(views, keepAlive);
    }

    private void markRebuild(String projection, ServerWebExchange exchange) {
        if (exchange != null && models.rebuilding(projection)) {
            exchange.getResponse().getHeaders().set(REBUILD_HEADER, "true");
        }
    }
}
