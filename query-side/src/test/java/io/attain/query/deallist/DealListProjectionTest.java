package io.attain.query.deallist;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Stage;
import io.attain.query.api.Page;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.web.Paging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DealListProjectionTest {

    static ProjectionHarness harness;
    /** From the in-memory copy of the instance that writes the list (the harness runs the processor). */
    static DealListQueries memory;
    /** Always from MongoDB, as on an instance that does not write the list. */
    static DealListQueries database;
    /** Every answer of this test is compared between the two. */
    static Queries queries;

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.region("east", "East");
        f.team("t1", "east", "m1");
        f.team("t2", "east", "m2");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t2", "2016-01-04");
        f.open("d1", "anna", "Acme", "Widget", Channel.DIRECT, null, "1000", "2017-06-30", Stage.LEAD,
               "2017-05-01T10:00:00Z");
        f.open("d2", "anna", "Beta", "10", Stage.QUALIFIED, "2017-05-02T10:00:00Z");
        f.open("d3", "boris", "Acme", "500", Stage.LEAD, "2017-04-02T10:00:00Z");
        f.move("d1", Stage.LEAD, Stage.PROPOSAL, "2017-05-03T10:00:00Z");
        f.amount("d1", "1000", "1500", "2017-05-04T10:00:00Z");
        f.split("d1", "2017-05-05T10:00:00Z", "anna", "50", "boris", "50");
        f.win("d1", Stage.PROPOSAL, "1500", "2017-07-04T10:00:00Z");
        f.lose("d2", Stage.QUALIFIED, "budget", "2017-05-06T10:00:00Z");
        f.reopen("d2", Stage.LOST, Stage.QUALIFIED, "2017-05-07T10:00:00Z");
        f.lose("d2", Stage.QUALIFIED, "timing", "2017-05-08T10:00:00Z");
        // anna moves to t2 in August: d3's later events show boris's team, d1 keeps the team of its last event
        f.transfer("anna", "t1", "t2", "2017-08-01");
        f.move("d3", Stage.LEAD, Stage.NEGOTIATION, "2017-08-02T10:00:00Z");
        harness.awaitCaughtUp();
        memory = new DealListQueries(harness.generations(),
                                     () -> DealListConfiguration.local(harness.generations(), harness.runtime()));
        database = new DealListQueries(harness.generations(), () -> null);
        queries = new Queries();
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    /** The answer from memory, checked equal to the answer from MongoDB. */
    static final class Queries {
        Page<DealListItem> list(DealListQueries.Filter filter, DealListSchema.Order order, boolean descending,
                                Paging paging) {
            Page<DealListItem> fromMemory = memory.list(filter, order, descending, paging);
            assertThat(fromMemory).isEqualTo(database.fromDatabase(filter, order, descending, paging));
            return fromMemory;
        }
    }

    @Test
    void theWritingInstanceAnswersFromMemory() {
        DealListIndex index = DealListConfiguration.local(harness.generations(), harness.runtime());
        assertThat(index).isNotNull();
        assertThat(index.loaded()).isTrue();
        assertThat(index.list(all(), DealListSchema.Order.BY_UPDATED_AT, true, new Paging(0, 50)).total()).isEqualTo(3);
    }

    @Test
    void everyOrderInMemoryIsTheDatabasesOrder() {
        for (DealListSchema.Order order : DealListSchema.Order.values()) {
            for (boolean descending : new boolean[]{true, false}) {
                for (int page = 0; page < 3; page++) {
                    queries.list(all(), order, descending, new Paging(page, 1));
                    queries.list(new DealListQueries.Filter(null, null, null, null, "2017", null, Set.of("anna")),
                                 order, descending, new Paging(page, 1));
                }
            }
        }
    }

    static Page<DealListItem> list(DealListQueries.Filter filter) {
        return queries.list(filter, DealListSchema.Order.BY_UPDATED_AT, true, new Paging(0, 50));
    }

    static DealListQueries.Filter all() {
        return new DealListQueries.Filter(null, null, null, null, null, null, null);
    }

    @Test
    void eachDealWithItsCurrentState() {
        Page<DealListItem> page = list(all());
        assertThat(page.total()).isEqualTo(3);
        // latest business event first: d3 (Aug 2), d1 (Jul 4), d2 (May 8)
        assertThat(page.items()).extracting(DealListItem::dealId).containsExactly("d3", "d1", "d2");
        DealListItem d1 = page.items().get(1);
        assertThat(d1.stage()).isEqualTo("WON");
        assertThat(d1.outcome()).isEqualTo("WON");
        assertThat(d1.amount()).isEqualByComparingTo("1500");
        assertThat(d1.currency()).isEqualTo("EUR");
        assertThat(d1.ownerName()).isEqualTo("Anna");
        assertThat(d1.teamId()).isEqualTo("t1");
        assertThat(d1.teamName()).isEqualTo("Team t1");
        assertThat(d1.expectedClose()).isEqualTo("2017-06-30");
        assertThat(d1.closedAt()).isEqualTo("2017-07-04T10:00:00Z");
        assertThat(d1.openedAt()).isEqualTo("2017-05-01T10:00:00Z");
        assertThat(d1.shares()).extracting(DealListItem.Share::repId, s -> s.percentage().toPlainString())
                               .containsExactly(tuple("anna", "50"), tuple("boris", "50"));
        DealListItem d2 = page.items().get(2);
        assertThat(d2.stage()).isEqualTo("LOST");
        assertThat(d2.lostReason()).isEqualTo("timing");
        assertThat(d2.closedAt()).isEqualTo("2017-05-08T10:00:00Z"); // lost, reopened, lost again
        assertThat(page.items().get(0).stage()).isEqualTo("NEGOTIATION");
    }

    @Test
    void filters() {
        assertThat(ids(new DealListQueries.Filter("anna", null, null, null, null, null, null)))
                .containsExactly("d1", "d2");
        assertThat(ids(new DealListQueries.Filter(null, "t2", null, null, null, null, null))).containsExactly("d3");
        assertThat(ids(new DealListQueries.Filter(null, null, Set.of("LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION"),
                                                  null, null, null, null))).containsExactly("d3");
        assertThat(ids(new DealListQueries.Filter(null, null, null, "DIRECT", null, null, null)))
                .containsExactly("d3", "d1", "d2");
        assertThat(ids(new DealListQueries.Filter(null, null, null, "ECOMMERCE", null, null, null))).isEmpty();
        // periods: opened, expected to close or closed in it
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, "2017-04", null, null)))
                .containsExactly("d3");
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, "2017-Q3", null, null)))
                .containsExactly("d1");
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, "2017-06", null, null)))
                .containsExactly("d1");
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, "2017", null, null)))
                .containsExactly("d3", "d1", "d2");
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, null, "Acme", null)))
                .containsExactly("d3", "d1");
    }

    @Test
    void visibilityByInvolvedReps() {
        // boris owns d3 and shares in d1
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, null, null, Set.of("boris"))))
                .containsExactly("d3", "d1");
        assertThat(ids(new DealListQueries.Filter(null, null, null, null, null, null, Set.of()))).isEmpty();
    }

    @Test
    void ordersAndPages() {
        assertThat(queries.list(all(), DealListSchema.Order.BY_AMOUNT, true, new Paging(0, 2)).items())
                .extracting(DealListItem::dealId).containsExactly("d1", "d3");
        Page<DealListItem> second = queries.list(all(), DealListSchema.Order.BY_AMOUNT, true, new Paging(1, 2));
        assertThat(second.items()).extracting(DealListItem::dealId).containsExactly("d2");
        assertThat(second.total()).isEqualTo(3);
        assertThat(queries.list(all(), DealListSchema.Order.BY_OPENED_AT, false, new Paging(0, 50)).items())
                .extracting(DealListItem::dealId).containsExactly("d3", "d1", "d2");
        assertThat(queries.list(all(), DealListSchema.Order.BY_AMOUNT, true, new Paging(5, 2)).items()).isEmpty();
    }

    @Test
    void replayGivesTheSameDocuments() {
        Map<String, String> live = harness.hashes();
        Map<String, Map<String, String>> liveDocs = harness.snapshot();
        harness.replay(DealListProjection.NAME);
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        assertThat(list(all()).total()).isEqualTo(3);
        assertThat(list(all()).items().get(1).amount()).isEqualTo(new BigDecimal("1500"));
    }

    private static java.util.List<String> ids(DealListQueries.Filter filter) {
        return list(filter).items().stream().map(DealListItem::dealId).toList();
    }
}
