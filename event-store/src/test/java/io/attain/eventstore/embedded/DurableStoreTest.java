package io.attain.eventstore.embedded;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The journaled embedded store: what survives a restart, when a reply goes out, torn tails, failures, compaction. */
class DurableStoreTest {

    private static MongoClient client(EmbeddedMongo server) {
        return MongoClients.create(server.connectionString() + "/?serverSelectionTimeoutMS=5000&retryWrites=false");
    }

    @Test
    void documentsOfEveryIdTypeAndUniqueIndexesSurviveARestart(@TempDir Path dir) {
        ObjectId objectId = new ObjectId();
        List<Object> ids = List.of("text-id", 42L, 7, objectId, new Document("a", 1).append("b", "x"));
        Document body = new Document("name", "Ünïcödé").append("amount", new Decimal128(new BigDecimal("1234.50")))
                                                      .append("nested", new Document("list", List.of(1, "two", 3.0)));
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("format").getCollection("docs");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            int n = 0;
            for (Object id : ids) {
                docs.insertOne(new Document(body).append("_id", id).append("key", "k" + n++));
            }
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("format").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(ids.size());
            for (Object id : ids) {
                Document found = docs.find(new Document("_id", id)).first();
                assertThat(found).as("document " + id).isNotNull();
                assertThat(found.get("amount")).isEqualTo(new Decimal128(new BigDecimal("1234.50")));
                assertThat(found.get("name")).isEqualTo("Ünïcödé");
                assertThat(found.get("nested", Document.class).getList("list", Object.class)).containsExactly(1, "two", 3.0);
            }
            assertThat(docs.find(new Document("key", "k3")).first()).extracting(d -> d.get("_id")).isEqualTo(objectId);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "another").append("key", "k1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 42L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void updatesDeletesDropsAndIndexDropsAreReplayedInOrder(@TempDir Path dir) {
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            var db = client.getDatabase("ops");
            MongoCollection<Document> a = db.getCollection("a");
            for (int i = 0; i < 100; i++) {
                a.insertOne(new Document("_id", i).append("v", 0));
            }
            a.updateMany(Filters.lt("_id", 50), Updates.inc("v", 5));
            a.deleteMany(Filters.gte("_id", 90));
            a.replaceOne(Filters.eq("_id", 1), new Document("w", "replaced"));
            a.findOneAndUpdate(Filters.eq("_id", 2), Updates.unset("v"));
            a.findOneAndDelete(Filters.eq("_id", 3));
            a.updateOne(Filters.eq("_id", "new"), Updates.set("v", 9), new com.mongodb.client.model.UpdateOptions().upsert(true));
            db.getCollection("gone").insertOne(new Document("_id", "x"));
            db.getCollection("gone").drop();
            db.getCollection("gone").insertOne(new Document("_id", "y"));
            MongoCollection<Document> b = db.getCollection("b");
            b.createIndex(Indexes.ascending("u"), new IndexOptions().unique(true).name("u_1"));
            b.insertOne(new Document("_id", 1).append("u", "same"));
            b.dropIndex("u_1");
            b.insertOne(new Document("_id", 2).append("u", "same"));
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            var db = client.getDatabase("ops");
            MongoCollection<Document> a = db.getCollection("a");
            assertThat(a.countDocuments()).isEqualTo(90 - 1 + 1);
            assertThat(a.find(Filters.eq("_id", 10)).first().getInteger("v")).isEqualTo(5);
            assertThat(a.find(Filters.eq("_id", 60)).first().getInteger("v")).isEqualTo(0);
            assertThat(a.find(Filters.eq("_id", 95)).first()).isNull();
            assertThat(a.find(Filters.eq("_id", 1)).first()).isEqualTo(new Document("_id", 1).append("w", "replaced"));
            assertThat(a.find(Filters.eq("_id", 2)).first()).isEqualTo(new Document("_id", 2));
            assertThat(a.find(Filters.eq("_id", 3)).first()).isNull();
            assertThat(a.find(Filters.eq("_id", "new")).first().getInteger("v")).isEqualTo(9);
            assertThat(db.getCollection("gone").find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "y"));
            assertThat(db.getCollection("b").countDocuments()).isEqualTo(2);
            assertThat(db.getCollection("b").listIndexes().map(d -> d.getString("name")).into(new ArrayList<>()))
                    .containsExactly("_id_");
            // the _id index was rebuilt from the replayed documents
            assertThatThrownBy(() -> a.insertOne(new Document("_id", 10)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    /** A disk whose next {@code force} waits until the test lets it go. */
    static final class SlowDisk implements JournalDisk {
        final AtomicBoolean blockNext = new AtomicBoolean();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void force(FileChannel channel) throws IOException {
            if (blockNext.compareAndSet(true, false)) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            channel.force(false);
        }
    }

    @Test
    void aWriteIsAcknowledgedOnlyAfterItsJournalIsOnDiskAndReadsDoNotSeeItBefore(@TempDir Path dir) throws Exception {
        SlowDisk disk = new SlowDisk();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, Journal.DEFAULT_MIN_JOURNAL_BYTES, disk);
             MongoClient writer = client(server); MongoClient reader = client(server)) {
            MongoCollection<Document> docs = writer.getDatabase("ack").getCollection("docs");
            docs.insertOne(new Document("_id", "before"));
            reader.getDatabase("ack").getCollection("docs").countDocuments(); // both connections are open

            disk.blockNext.set(true);
            Future<?> insert = pool.submit(() -> docs.insertOne(new Document("_id", "held")));
            assertThat(disk.entered.await(10, TimeUnit.SECONDS)).as("the journal writer reached fsync").isTrue();
            Future<Long> read = pool.submit(() -> reader.getDatabase("ack").getCollection("docs").countDocuments());

            // while the fsync has not returned, neither the write's acknowledgement nor a read of it goes out
            assertThatThrownBy(() -> insert.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(read.isDone()).isFalse();

            disk.release.countDown();
            insert.get(10, TimeUnit.SECONDS);
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(2L);
        } finally {
            disk.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aReadOfACollectionWithNothingPendingIsAnsweredWhileAnotherCollectionsWriteWaitsForTheDisk(@TempDir Path dir)
            throws Exception {
        SlowDisk disk = new SlowDisk();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, Journal.DEFAULT_MIN_JOURNAL_BYTES, disk);
             MongoClient writer = client(server); MongoClient reader = client(server)) {
            writer.getDatabase("ack").getCollection("other").insertOne(new Document("_id", "settled"));
            reader.getDatabase("ack").getCollection("other").countDocuments();

            disk.blockNext.set(true);
            Future<?> insert = pool.submit(() -> writer.getDatabase("ack").getCollection("docs")
                                                       .insertOne(new Document("_id", "held")));
            assertThat(disk.entered.await(10, TimeUnit.SECONDS)).isTrue();
            // nothing of "other" is waiting for the disk: its reader is answered at once
            assertThat(pool.submit(() -> reader.getDatabase("ack").getCollection("other").countDocuments())
                           .get(10, TimeUnit.SECONDS)).isEqualTo(1L);
            assertThat(insert.isDone()).isFalse();
            disk.release.countDown();
            insert.get(10, TimeUnit.SECONDS);
        } finally {
            disk.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteInTheJournalButNotYetAcknowledgedIsThereAfterACrashAndTheStoreGoesOn(@TempDir Path dir,
                                                                                    @TempDir Path copy) throws Exception {
        SlowDisk disk = new SlowDisk();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, Journal.DEFAULT_MIN_JOURNAL_BYTES, disk);
             MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "acknowledged"));
            disk.blockNext.set(true);
            Future<?> insert = pool.submit(() -> docs.insertOne(new Document("_id", "in-flight")));
            assertThat(disk.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(insert.isDone()).isFalse();
            // the crash: the files as they are now, the process gone without closing anything
            copyDirectory(dir, copy);
            disk.release.countDown();
        } finally {
            disk.release.countDown();
            pool.shutdownNow();
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(copy); MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            assertThat(docs.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("acknowledged", "in-flight");
            docs.insertOne(new Document("_id", "after"));
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(copy); MongoClient client = client(server)) {
            assertThat(client.getDatabase("crash").getCollection("docs").countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aTornRecordAtTheEndOfTheNewestJournalIsCutOffAndEverythingBeforeItKept(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("torn").getCollection("docs");
            for (int i = 0; i < 10; i++) {
                docs.insertOne(new Document("_id", i));
            }
        }
        Path newest = newestJournal(dir);
        byte[] record = JournalRecords.put("torn.docs", JournalRecords.key(99), JournalRecords.encode(
                new de.bwaldvogel.mongo.bson.Document("_id", 99)));
        try (RandomAccessFile f = new RandomAccessFile(newest.toFile(), "rw")) {
            f.seek(f.length());
            f.write(record, 0, record.length - 3); // the crash interrupted this write
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            assertThat(server.recovery().discardedTailBytes()).isEqualTo(record.length - 3);
            MongoCollection<Document> docs = client.getDatabase("torn").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(10);
            docs.insertOne(new Document("_id", 10));
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            assertThat(server.recovery().discardedTailBytes()).isZero();
            assertThat(client.getDatabase("torn").getCollection("docs").countDocuments()).isEqualTo(11);
        }
    }

    @Test
    void aNewJournalWhoseHeaderTheCrashCutShortIsRemovedAndTheStoreStarts(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            client.getDatabase("rot").getCollection("docs").insertOne(new Document("_id", "kept"));
        }
        Path newest = newestJournal(dir);
        long gen = Long.parseLong(newest.getFileName().toString().replaceAll("\\D", ""));
        Files.write(dir.resolve(Journal.journalName(gen + 1)), new byte[] {0x41, 0x54, 0x4A});
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("rot").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(1);
            docs.insertOne(new Document("_id", "after"));
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            assertThat(client.getDatabase("rot").getCollection("docs").countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void aDamagedRecordInsideAnOlderJournalStopsTheStartWithAClearMessage(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir);
        java.io.ByteArrayOutputStream older = new java.io.ByteArrayOutputStream();
        older.write(JournalRecords.header(JournalRecords.JOURNAL_MAGIC));
        for (int i = 0; i < 3; i++) {
            older.write(JournalRecords.put("bad.docs", JournalRecords.key(i),
                                           JournalRecords.encode(new de.bwaldvogel.mongo.bson.Document("_id", i))));
        }
        byte[] bytes = older.toByteArray();
        bytes[bytes.length / 2] ^= 0x5A; // a bit flipped inside a record that later records follow
        Files.write(dir.resolve(Journal.journalName(1)), bytes);
        Files.write(dir.resolve(Journal.journalName(2)), JournalRecords.header(JournalRecords.JOURNAL_MAGIC));

        assertThatThrownBy(() -> EmbeddedMongo.durable(dir))
                .hasMessageContaining("is corrupt").hasMessageContaining(Journal.journalName(1));
    }

    /** A disk that fails every write once told to, as a full disk does. */
    static final class FullDisk implements JournalDisk {
        final AtomicBoolean full = new AtomicBoolean();

        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            if (full.get()) {
                throw new IOException("No space left on device");
            }
            JournalDisk.super.write(channel, bytes);
        }
    }

    @Test
    void aFullDiskStopsWritesWithAClearErrorAndNeverHangsReadsGoOn(@TempDir Path dir) {
        FullDisk disk = new FullDisk();
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, Journal.DEFAULT_MIN_JOURNAL_BYTES, disk);
             MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("full").getCollection("docs");
            docs.insertOne(new Document("_id", "kept"));
            disk.full.set(true);

            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "lost")))
                    .isInstanceOf(MongoException.class).hasMessageContaining("could not make this write durable")
                    .hasMessageContaining("No space left on device");
            assertThat(server.failure()).get().asString().contains("No space left on device");
            // every later write is refused at once, before it changes anything
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "refused")))
                    .isInstanceOf(MongoException.class).hasMessageContaining("refuses writes");
            assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", "kept"), Updates.set("v", 1)))
                    .isInstanceOf(MongoException.class).hasMessageContaining("refuses writes");
            assertThat(docs.find(Filters.eq("_id", "kept")).first()).isEqualTo(new Document("_id", "kept"));
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            assertThat(client.getDatabase("full").getCollection("docs").find().map(d -> d.getString("_id"))
                             .into(new ArrayList<>())).containsExactly("kept");
        }
    }

    @Test
    void rewritesAreCompactedSoTheFilesStayBoundedAndTheStateIsKept(@TempDir Path dir) {
        long threshold = 256 * 1024;
        String payload = "x".repeat(2_000);
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, threshold, JournalDisk.REAL);
             MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("compact").getCollection("docs");
            for (int round = 0; round < 100; round++) {
                for (int i = 0; i < 20; i++) {
                    docs.replaceOne(Filters.eq("_id", i), new Document("round", round).append("p", payload),
                                    new ReplaceOptions().upsert(true));
                }
            }
            // 2,000 rewrites of 2 KB (≈4 MB journaled) over 20 documents (≈40 KB live)
            await().atMost(Duration.ofSeconds(30)).until(() -> server.compactions() >= 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.diskBytes() < 4 * threshold);
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, threshold, JournalDisk.REAL);
             MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("compact").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(20);
            assertThat(docs.find().map(d -> d.getInteger("round")).into(new ArrayList<>())).containsOnly(99);
        }
    }

    @Test
    void concurrentWritersStateIsExactlyTheReplayedState(@TempDir Path dir) throws Exception {
        List<Document> live;
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir, 128 * 1024, JournalDisk.REAL);
             MongoClient client = client(server)) {
            MongoCollection<Document> docs = client.getDatabase("race").getCollection("docs");
            AtomicInteger failures = new AtomicInteger();
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 300; i++) {
                        try {
                            docs.updateOne(Filters.eq("_id", i % 25), Updates.combine(Updates.inc("n", 1),
                                    Updates.push("by", writer), Updates.set("w" + writer, new Document("i", i))),
                                           new com.mongodb.client.model.UpdateOptions().upsert(true));
                        } catch (MongoWriteException e) {
                            failures.incrementAndGet(); // two upserts of a new id race: one is refused
                        }
                    }
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            live = docs.find().sort(new Document("_id", 1)).into(new ArrayList<>());
            assertThat(live.stream().mapToInt(d -> d.getInteger("n")).sum()).isEqualTo(8 * 300 - failures.get());
        }
        try (EmbeddedMongo server = EmbeddedMongo.durable(dir); MongoClient client = client(server)) {
            assertThat(client.getDatabase("race").getCollection("docs").find().sort(new Document("_id", 1))
                             .into(new ArrayList<>())).isEqualTo(live);
        }
    }

    static Path newestJournal(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().reduce((a, b) -> b)
                        .orElseThrow();
        }
    }

    static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
