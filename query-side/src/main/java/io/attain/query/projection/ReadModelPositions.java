package io.attain.query.projection;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * How far each projection is, read from the shared token store (the stored tokens of all its segments), so that
 * any instance can answer "has the read model passed position N?" — also when another instance runs the processor.
 * A stored token is written only after its batch's documents, so a token that passed a position means the read
 * model shows everything up to it.
 */
public class ReadModelPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final Duration pollInterval;

    public ReadModelPositions(MongoCollection<Document> tokens, Serializer serializer, Duration pollInterval) {
        this.tokens = tokens;
        this.serializer = serializer;
        this.pollInterval = pollInterval;
    }

    /** The stored tokens of the processor's segments (claims are not touched). */
    public List<TrackingToken> tokens(String processor) {
        List<TrackingToken> result = new ArrayList<>();
        for (Document d : tokens.find(eq("processorName", processor))) {
            Binary token = d.get("token", Binary.class);
            GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(
                    token == null ? null : token.getData(), d.getString("tokenType"),
                    java.time.Instant.ofEpochMilli(d.get("timestamp", Number.class).longValue()).toString(),
                    d.getString("owner"), processor, d.get("segment", Number.class).intValue(), byte[].class);
            result.add(entry.getToken(serializer));
        }
        return result;
    }

    /** Deletes every stored token of the processor (a dropped generation's processor, ADR 0004). */
    public void deleteTokens(String processor) {
        tokens.deleteMany(eq("processorName", processor));
    }

    /** {@code true} if every segment of the processor has processed every event up to the position. */
    public boolean reached(String processor, long position) {
        List<TrackingToken> stored = tokens(processor);
        if (stored.isEmpty()) {
            return position <= 0;
        }
        for (TrackingToken token : stored) {
            if (!Tokens.reached(token, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Completes once the processor has passed the position, or fails with {@link NotYetAtPositionException} after
     * the timeout. A position of zero or less completes at once.
     */
    public Mono<Void> await(String processor, long position, Duration timeout) {
        if (position <= 0) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> reached(processor, position))
                   .subscribeOn(Schedulers.boundedElastic())
                   .filter(Boolean::booleanValue)
                   .repeatWhenEmpty(attempts -> attempts.delayElements(pollInterval))
                   .timeout(timeout, Mono.error(() -> new NotYetAtPositionException(processor, position, timeout)))
                   .then();
    }

    /** The read model has not passed the position within the timeout. */
    public static final class NotYetAtPositionException extends RuntimeException {
        private final String processor;
        private final long position;

        public NotYetAtPositionException(String processor, long position, Duration timeout) {
            super("read model not yet at position " + position + " (" + processor + ", waited " + timeout.toMillis()
                          + " ms)");
            this.processor = processor;
            this.position = position;
        }

        public String processor() {
            return processor;
        }

        public long position() {
            return position;
        }
    }
}
