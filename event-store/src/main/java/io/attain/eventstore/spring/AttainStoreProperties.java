package io.attain.eventstore.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of Attain's MongoDB storage. With no {@code spring.mongodb.uri} the embedded wire server runs in-process,
 * file-backed under {@code attain.data-dir} (default {@code ./data}).
 */
@ConfigurationProperties("attain")
public class AttainStoreProperties {

    /** Where the embedded default keeps its files (and the bootstrap admin token). */
    private Path dataDir = Path.of("data");
    /** The MongoDB database that holds events, snapshots, tokens, sagas and read models. */
    private String database = "attain";
    private final Embedded embedded = new Embedded();
    private final EventStore eventStore = new EventStore();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public EventStore getEventStore() {
        return eventStore;
    }

    public enum Backend { FILE, MEMORY }

    public static class Embedded {
        /** FILE (default: journaled to {@code <data-dir>/store}, survives kill -9) or MEMORY (tests). */
        private Backend backend = Backend.FILE;
        /** The journal grows to at least this many bytes (and at least the last snapshot's size) before it is
         *  compacted into a new snapshot. */
        private long compactionMinBytes = 64L * 1024 * 1024;
        /** Port of the embedded wire server on 127.0.0.1; 0 picks a free one. */
        private int port = 0;
        /** Keep an oplog so that change streams work (needed by live views across instances). */
        private boolean oplog = false;

        public Backend getBackend() {
            return backend;
        }

        public void setBackend(Backend backend) {
            this.backend = backend;
        }

        public int getPort() {
            return port;
        }

        public long getCompactionMinBytes() {
            return compactionMinBytes;
        }

        public void setCompactionMinBytes(long compactionMinBytes) {
            this.compactionMinBytes = compactionMinBytes;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public boolean isOplog() {
            return oplog;
        }

        public void setOplog(boolean oplog) {
            this.oplog = oplog;
        }
    }

    public static class EventStore {
        /** Positions per tracking read window, and events per aggregate read batch. */
        private int batchSize = 1000;
        /** How long readers hold back later events behind a missing position. */
        private Duration gapHoldBack = Duration.ofSeconds(2);
        /** How long a passed position is kept in tokens so that a late commit is still delivered. */
        private Duration gapTimeout = Duration.ofMinutes(1);
        /** How far below a token's index a gap may lie. */
        private int maxGapOffset = 10_000;
        /** Events after which an aggregate is snapshotted. */
        private int snapshotThreshold = 100;
        /** How often the event store polls the log for events other processes appended. */
        private Duration fetchDelay = Duration.ofMillis(100);

        public Duration getFetchDelay() {
            return fetchDelay;
        }

        public void setFetchDelay(Duration fetchDelay) {
            this.fetchDelay = fetchDelay;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getGapHoldBack() {
            return gapHoldBack;
        }

        public void setGapHoldBack(Duration gapHoldBack) {
            this.gapHoldBack = gapHoldBack;
        }

        public Duration getGapTimeout() {
            return gapTimeout;
        }

        public void setGapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
        }

        public int getMaxGapOffset() {
            return maxGapOffset;
        }

        public void setMaxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
        }

        public int getSnapshotThreshold() {
            return snapshotThreshold;
        }

        public void setSnapshotThreshold(int snapshotThreshold) {
            this.snapshotThreshold = snapshotThreshold;
        }
    }
}
