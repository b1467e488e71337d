package io.attain.query.activity;

import io.attain.kernel.activity.CallLoggedEvent;
import io.attain.kernel.activity.ProposalLoggedEvent;
import io.attain.kernel.activity.VisitLoggedEvent;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.web.Paging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ActivityProjectionTest {

    static ProjectionHarness harness;
    static ActivityQueries queries;
    static final Paging ALL = new Paging(0, 200);

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        visit("v1", "anna", "2017-05-02T10:00:00Z");
        call("c1", "anna", "2017-05-03T10:00:00Z");
        harness.publish("Activity", "p1", new ProposalLoggedEvent("anna", "p1", "Acme", "GTX Pro",
                                                                   Money.of("1200.50", "USD"), "d1",
                                                                   Instant.parse("2017-06-10T10:00:00Z")));
        visit("v2", "anna", "2017-07-01T00:00:00Z");
        visit("v3", "boris", "2017-05-02T10:00:00Z");
        call("c.2", "anna", "2017-04-30T23:59:59Z");
        harness.awaitCaughtUp();
        queries = new ActivityQueries(harness.generations());
    }

    static void visit(String id, String rep, String at) {
        harness.publish("Activity", id, new VisitLoggedEvent(rep, id, "Acme", "demo", "ok", Instant.parse(at)));
    }

    static void call(String id, String rep, String at) {
        harness.publish("Activity", id, new CallLoggedEvent(rep, id, "Beta", "follow-up", "callback",
                                                             Instant.parse(at)));
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    @Test
    void aQuarterIsItsMonthsTheLatestFirst() {
        ActivityView q2 = queries.activities("anna", Period.parse("2017-Q2"), null, ALL);
        assertThat(q2.items()).extracting(ActivityView.Item::activityId, ActivityView.Item::kind)
                              .containsExactly(tuple("p1", "PROPOSAL"), tuple("c1", "CALL"), tuple("v1", "VISIT"),
                                               tuple("c.2", "CALL"));
        assertThat(q2.total()).isEqualTo(4);
        assertThat(q2.counts()).isEqualTo(Map.of("CALL", 2L, "PROPOSAL", 1L, "VISIT", 1L));
        ActivityView.Item proposal = q2.items().get(0);
        assertThat(proposal.amount()).isEqualByComparingTo("1200.50");
        assertThat(proposal.currency()).isEqualTo("USD");
        assertThat(proposal.dealId()).isEqualTo("d1");
        assertThat(q2.items().get(1).outcome()).isEqualTo("callback");
    }

    @Test
    void filtersAndPages() {
        assertThat(queries.activities("anna", Period.parse("2017-05"), null, ALL).items())
                .extracting(ActivityView.Item::activityId).containsExactly("c1", "v1");
        assertThat(queries.activities("anna", Period.parse("2017"), "VISIT", ALL).items())
                .extracting(ActivityView.Item::activityId).containsExactly("v2", "v1");
        ActivityView page = queries.activities("anna", Period.parse("2017"), null, new Paging(1, 2));
        assertThat(page.items()).extracting(ActivityView.Item::activityId).containsExactly("c1", "v1");
        assertThat(page.total()).isEqualTo(5);
        assertThat(queries.activities("nobody", Period.parse("2017"), null, ALL).total()).isZero();
    }

    @Test
    void replayGivesTheSameDocuments() {
        Map<String, String> live = harness.hashes();
        Map<String, Map<String, String>> liveDocs = harness.snapshot();
        harness.replay(ActivityProjection.NAME);
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        assertThat(queries.activities("boris", Period.parse("2017-05"), null, ALL).total()).isEqualTo(1);
    }
}
