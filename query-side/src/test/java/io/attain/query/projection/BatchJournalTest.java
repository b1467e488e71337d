package io.attain.query.projection;

import com.mongodb.client.MongoDatabase;
import io.attain.query.support.ProjectionHarness;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchJournalTest {

    private final MongoDatabase database = ProjectionHarness.freshDatabase();
    private final BatchJournal journal = new BatchJournal(database, "journal", ProjectionHarness.SERIALIZER);

    private static Op replace(String id, int bytes) {
        Doc doc = new Doc("c", id, null);
        doc.set("blob", "x".repeat(bytes));
        return Op.of(doc);
    }

    @Test
    void aSmallBatchIsOneDocumentAndReadsBackWithItsToken() {
        TrackingToken token = GapAwareTrackingToken.newInstance(12, List.of(8L));
        journal.write("p", 0, token, List.of(replace("a", 10), replace("b", 10)));
        BatchJournal.Entry entry = journal.read("p", 0);
        assertThat(entry.token()).isEqualTo(token);
        assertThat(entry.ops()).extracting(Op::id).containsExactly("a", "b");
        assertThat(database.getCollection("journal").countDocuments()).isEqualTo(1);
        assertThat(journal.read("p", 1)).isNull();
    }

    @Test
    void aLargeBatchSpillsIntoChunksWrittenBeforeTheHeader() {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ops.add(replace("doc-" + i, 2 * 1024 * 1024)); // 10 MB in all: more than one document may hold
        }
        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()),
                                                            GapAwareTrackingToken.newInstance(40, List.of()));
        journal.write("big", 0, token, ops);
        BatchJournal.Entry entry = journal.read("big", 0);
        assertThat(entry.token()).isEqualTo(token);
        assertThat(entry.ops()).extracting(Op::id).containsExactly("doc-0", "doc-1", "doc-2", "doc-3", "doc-4");
        assertThat(entry.ops().get(4).replacement().getString("blob")).hasSize(2 * 1024 * 1024);
        assertThat(database.getCollection("journal").countDocuments()).isGreaterThan(2);

        journal.clear("big");
        assertThat(journal.read("big", 0)).isNull();
        assertThat(database.getCollection("journal").find(new Document("_id", "big|0|0")).first()).isNull();
    }
}
