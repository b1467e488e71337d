package io.attain.eventstore;

/**
 * An append carried the same event identifier, or the same (aggregate, sequence number), twice. Treated like the
 * server's duplicate-key refusal ({@link MongoPersistenceExceptionResolver}), so Axon reports it the same way.
 */
final class DuplicateEventException extends RuntimeException {

    DuplicateEventException(String message) {
        super(message);
    }
}
