package io.attain.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a projection's read model may have changed, for live views on any instance: one poller per processor and
 * instance reads the processor's stored tokens from the shared token store (one small query per interval, only while
 * someone listens) and signals each time they moved. A stored token moves only after its batch's documents were
 * written, so a listener that re-reads its view on the signal sees the batch — whichever instance runs the processor.
 */
public class ViewChanges {

    private final ReadModelPositions positions;
    private final ReadModels models;
    private final Duration interval;
    private final Map<String, Flux<Long>> feeds = new ConcurrentHashMap<>();

    public ViewChanges(ReadModelPositions positions, Duration interval) {
        this(positions, null, interval);
    }

    /**
     * Follows the processor of each projection's active generation (ADR 0004): after a switch the feed signals
     * (the tokens differ), and listeners re-read their view from the new generation.
     */
    public ViewChanges(ReadModelPositions positions, ReadModels models, Duration interval) {
        this.positions = positions;
        this.models = models;
        this.interval = interval;
    }

    /**
     * Signals (with the lowest token index over the processor's segments) whenever the processor's stored tokens
     * change; the first signal comes at once. Shared by all listeners of the processor on this instance.
     */
    public Flux<Long> of(String processor) {
        return feeds.computeIfAbsent(processor, name ->
                Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                    .onBackpressureDrop()
                    .concatMap(tick -> Flux.defer(() -> Flux.just(state(name)))
                                           .onErrorResume(e -> Flux.empty()), 1)
                    .distinctUntilChanged()
                    .map(State::position)
                    .replay(1)
                    .refCount());
    }

    private record State(String processor, long position, List<TrackingToken> tokens) {
    }

    private State state(String projection) {
        String processor = models == null ? projection : models.activeProcessor(projection);
        List<TrackingToken> tokens = new ArrayList<>();
        long min = Long.MAX_VALUE;
        for (TrackingToken token : positions.tokens(processor)) {
            TrackingToken current = Tokens.current(token);
            tokens.add(current);
            long index = current instanceof GapAwareTrackingToken g ? g.getIndex()
                    : current == null ? 0 : current.position().orElse(0);
            min = Math.min(min, index);
        }
        return new State(processor, min == Long.MAX_VALUE ? 0 : min, tokens);
    }

}
