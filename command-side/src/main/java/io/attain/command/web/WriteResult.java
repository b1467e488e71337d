package io.attain.command.web;

import io.attain.eventstore.AppendReceipt;

/**
 * The answer to every successful write.
 *
 * @param aggregateId the aggregate the command changed (for targets: the rep or team; for activities: the rep)
 * @param version     the aggregate's version after the command (sequence number of its last event)
 * @param position    the global position of the command's last event; a reader that has processed this
 *                    position sees the write
 */
public record WriteResult(String aggregateId, long version, long position) {

    static WriteResult of(AppendReceipt receipt) {
        return new WriteResult(receipt.aggregateId(), receipt.version(), receipt.position());
    }
}
