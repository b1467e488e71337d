package io.attain.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest commits of this process by correlation id (Axon's {@code correlationId} metadata: the id of the command
 * whose handling appended them), so that the HTTP layer can answer a write with its version and global position.
 * Bounded: the oldest entries are forgotten.
 */
final class Receipts {

    private final Map<String, AppendReceipt> byCorrelation;

    Receipts(int capacity) {
        this.byCorrelation = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AppendReceipt> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(String correlationId, AppendReceipt receipt) {
        if (correlationId != null) {
            byCorrelation.put(correlationId, receipt);
        }
    }

    synchronized Optional<AppendReceipt> find(String correlationId) {
        return Optional.ofNullable(byCorrelation.get(correlationId));
    }
}
