package io.attain.query.integration.webhook;

import java.util.List;

/**
 * Where webhook deliveries come from: the log in global position order, never past the safe head (no event can
 * appear later at or below a position handed out), each event as its CloudEvent.
 */
public interface WebhookSource {

    /**
     * One event.
     *
     * @param position its global position
     * @param id       its id (the {@code webhook-id} header)
     * @param type     its public type name ({@code io.attain.deal.won.v1})
     * @param category its category id ({@code deals}, …, {@code compensation})
     * @param body     the CloudEvent JSON, sent byte for byte as signed
     */
    record Event(long position, String id, String type, String category, byte[] body) {
    }

    /**
     * @param events   the events after {@code after} up to {@code readUpTo}, in position order
     * @param readUpTo the highest position covered (pass as the next {@code after})
     */
    record Slice(List<Event> events, long readUpTo) {
    }

    /** The events with positions in {@code (after, after + maxPositions]}, cut at the safe head. */
    Slice read(long after, int maxPositions);

    /** The safe head: where a webhook registered with {@code "from": "now"} starts. */
    long head();
}
