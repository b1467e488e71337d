package io.attain.eventstore;

/**
 * What one command appended: the aggregate, its new version (last sequence number) and the global position of its
 * last event — what a client needs to wait for the read side to catch up.
 */
public record AppendReceipt(String aggregateId, long version, long position) {
}
