package io.attain.query.scorecard;

import io.attain.kernel.common.Stage;
import io.attain.query.api.Amount;
import io.attain.query.api.ScorecardView;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardProjectionTest {

    static ProjectionHarness harness;
    static ScorecardQueries queries;

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.team("t1", "east", "m1");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-01-04");
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.split("d1", "2017-05-02T10:00:00Z", "anna", "75", "boris", "25");
        f.win("d1", Stage.LEAD, "1000", "2017-05-03T10:00:00Z");
        f.open("d2", "anna", "Acme", "400", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("d2", Stage.LEAD, "400", "2017-05-04T10:00:00Z");
        f.open("d3", "anna", "Beta", "999", Stage.LEAD, "2017-05-01T10:00:00Z");
        f.win("d3", Stage.LEAD, "999", "2017-05-05T10:00:00Z");
        f.reopen("d3", Stage.WON, Stage.PROPOSAL, "2017-05-06T10:00:00Z");
        f.visit("anna", "2017-05-02T10:00:00Z");
        f.visit("anna", "2017-06-02T10:00:00Z");
        f.call("anna", "2017-05-02T10:00:00Z");
        f.call("anna", "2017-05-03T10:00:00Z");
        f.call("anna", "2017-05-04T10:00:00Z");
        f.proposal("anna", "2017-05-05T10:00:00Z");
        harness.awaitCaughtUp();
        queries = new ScorecardQueries(harness.generations());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    @Test
    void scorecardOfAMonth() {
        ScorecardView may = queries.scorecard("anna", "2017-05").orElseThrow();
        // 75% of 1000 + 400; d3 was reopened
        assertThat(may.revenue()).containsExactly(new Amount(new BigDecimal("1150"), "EUR"));
        assertThat(may.dealsWon()).isEqualTo(2);
        // Acme only (d1 first); Beta's deal was reopened
        assertThat(may.newCustomers()).isEqualTo(1);
        assertThat(may.visits()).isEqualTo(1);
        assertThat(may.calls()).isEqualTo(3);
        assertThat(may.proposals()).isEqualTo(1);
        assertThat(may.repName()).isEqualTo("Anna");
    }

    @Test
    void yearAndOtherReps() {
        ScorecardView year = queries.scorecard("anna", "2017").orElseThrow();
        assertThat(year.visits()).isEqualTo(2);
        ScorecardView boris = queries.scorecard("boris", "2017-05").orElseThrow();
        assertThat(boris.revenue()).containsExactly(new Amount(new BigDecimal("250"), "EUR"));
        assertThat(boris.dealsWon()).isEqualTo(1);
    }

    @Test
    void emptyForAKnownRepWithoutActivityAndNoneForAnUnknownRep() {
        ScorecardView quiet = queries.scorecard("boris", "2018-01").orElseThrow();
        assertThat(quiet.revenue()).isEmpty();
        assertThat(quiet.dealsWon()).isZero();
        assertThat(queries.scorecard("nobody", "2017-05")).isEmpty();
    }
}
