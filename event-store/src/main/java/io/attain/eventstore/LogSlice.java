package io.attain.eventstore;

import java.util.List;

/**
 * What one {@link MongoEventStorageEngine#readLog} returned: every event with a position in
 * {@code (after, readUpTo]}, in position order, and the safe head at the time of the read.
 *
 * @param events   the events, in position order
 * @param readUpTo the highest position the read covered (never above {@code safeHead}); pass it as the next
 *                 {@code after}
 * @param safeHead the highest position below which no commit can appear any more (see
 *                 {@link MongoEventStorageEngine#safeHead()})
 */
public record LogSlice(List<LoggedEvent> events, long readUpTo, long safeHead) {
}
