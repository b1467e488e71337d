package io.attain.query.funnel;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Stage;
import io.attain.query.QueryProperties;
import io.attain.query.api.Amount;
import io.attain.query.api.FunnelStage;
import io.attain.query.api.FunnelView;
import io.attain.query.api.LostReason;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Given deal events, the funnel documents and what the query makes of them. All times are 10:00 UTC. */
class FunnelProjectionTest {

    static ProjectionHarness harness;
    static FunnelQueries queries;

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.region("east", "East");
        f.team("t1", "east", "m1");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-01-04");
        // d1: LEAD 05-02 → QUALIFIED 05-05 → PROPOSAL 05-10 → back to QUALIFIED 05-12 → PROPOSAL 05-15 → WON 05-20
        f.open("d1", "anna", "Acme", "1000", Stage.LEAD, "2017-05-02T10:00:00Z");
        f.move("d1", Stage.LEAD, Stage.QUALIFIED, "2017-05-05T10:00:00Z");
        f.move("d1", Stage.QUALIFIED, Stage.PROPOSAL, "2017-05-10T10:00:00Z");
        f.move("d1", Stage.PROPOSAL, Stage.QUALIFIED, "2017-05-12T10:00:00Z");
        f.move("d1", Stage.QUALIFIED, Stage.PROPOSAL, "2017-05-15T10:00:00Z");
        f.win("d1", Stage.PROPOSAL, "1200", "2017-05-20T10:00:00Z");
        // d2: LEAD 05-03 → LOST 05-08 (price)
        f.open("d2", "anna", "Beta", "500", Stage.LEAD, "2017-05-03T10:00:00Z");
        f.lose("d2", Stage.LEAD, "price", "2017-05-08T10:00:00Z");
        // d3: opened in QUALIFIED 05-04, expected to close 2017-06-15, still open
        f.open("d3", "boris", "Gamma", "Widget", Channel.DIRECT, null, "2000", "2017-06-15", Stage.QUALIFIED,
               "2017-05-04T10:00:00Z");
        // d4: LEAD 04-28 → QUALIFIED 05-02 → LOST 05-09 (price)
        f.open("d4", "boris", "Delta", "300", Stage.LEAD, "2017-04-28T10:00:00Z");
        f.move("d4", Stage.LEAD, Stage.QUALIFIED, "2017-05-02T10:00:00Z");
        f.lose("d4", Stage.QUALIFIED, "price", "2017-05-09T10:00:00Z");
        harness.awaitCaughtUp();
        queries = new FunnelQueries(harness.generations(), new QueryProperties().getFunnel().getStageProbabilities());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    private static Map<String, FunnelStage> stages(FunnelView view) {
        return view.stages().stream().collect(Collectors.toMap(FunnelStage::stage, Function.identity()));
    }

    @Test
    void countsDistinctDealsEnteringEachStageInTheMonth() {
        FunnelView may = queries.funnel("2017-05", "all");
        Map<String, FunnelStage> s = stages(may);
        // LEAD: d1, d2 (d4 entered LEAD in April)
        assertThat(s.get("LEAD").entered()).isEqualTo(2);
        // QUALIFIED: d1 (twice, counted once), d3 (opened there), d4
        assertThat(s.get("QUALIFIED").entered()).isEqualTo(3);
        // PROPOSAL: d1 (twice, counted once)
        assertThat(s.get("PROPOSAL").entered()).isEqualTo(1);
        assertThat(s.get("NEGOTIATION").entered()).isZero();
        assertThat(s.get("WON").entered()).isEqualTo(1);
        assertThat(s.get("LOST").entered()).isEqualTo(2);
        assertThat(may.stages()).extracting(FunnelStage::stage)
                                .containsExactly("LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "WON", "LOST");
    }

    @Test
    void winRateAndConversion() {
        FunnelView may = queries.funnel("2017-05", "all");
        // won 1 (d1), lost 2 (d2, d4): 1 / 3
        assertThat(may.winRate()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal(3), 4,
                                                                             java.math.RoundingMode.HALF_EVEN));
        Map<String, FunnelStage> s = stages(may);
        // QUALIFIED 3 / LEAD 2; PROPOSAL 1 / QUALIFIED 3; NEGOTIATION 0 / PROPOSAL 1; none entered NEGOTIATION
        assertThat(s.get("LEAD").conversionToNext()).isEqualByComparingTo("1.5");
        assertThat(s.get("QUALIFIED").conversionToNext()).isEqualByComparingTo("0.3333");
        assertThat(s.get("PROPOSAL").conversionToNext()).isEqualByComparingTo("0");
        assertThat(s.get("NEGOTIATION").conversionToNext()).isNull();
        assertThat(s.get("WON").conversionToNext()).isNull();
    }

    @Test
    void averageDaysInStageAndToClose() {
        Map<String, FunnelStage> s = stages(queries.funnel("2017-05", "all"));
        // LEAD exits in May: d1 05-02→05-05 (3), d2 05-03→05-08 (5), d4 04-28→05-02 (4): 12 / 3
        assertThat(s.get("LEAD").avgDaysInStage()).isEqualByComparingTo("4");
        // QUALIFIED: d1 05-05→05-10 (5) and 05-12→05-15 (3), d4 05-02→05-09 (7): 15 / 3
        assertThat(s.get("QUALIFIED").avgDaysInStage()).isEqualByComparingTo("5");
        // PROPOSAL: d1 05-10→05-12 (2) and 05-15→05-20 (5): 7 / 2
        assertThat(s.get("PROPOSAL").avgDaysInStage()).isEqualByComparingTo("3.5");
        assertThat(s.get("NEGOTIATION").avgDaysInStage()).isNull();
        // closes in May: d1 05-02→05-20 (18), d2 05-03→05-08 (5), d4 04-28→05-09 (11): 34 / 3 = 11.33
        assertThat(queries.funnel("2017-05", "all").avgDaysToClose()).isEqualByComparingTo("11.33");
    }

    @Test
    void lostReasonsWonValueAndPipeline() {
        FunnelView may = queries.funnel("2017-05", "all");
        assertThat(may.lostReasons()).containsExactly(new LostReason("price", 2));
        assertThat(may.wonValue()).containsExactly(new Amount(new BigDecimal("1200"), "EUR"));
        // the only open deal, d3, is expected to close in June
        assertThat(may.openPipeline()).isEmpty();
        FunnelView june = queries.funnel("2017-06", "all");
        assertThat(june.openPipeline()).containsExactly(new Amount(new BigDecimal("2000"), "EUR"));
        // QUALIFIED probability 0.25: 2000 × 0.25
        assertThat(june.weightedPipeline()).containsExactly(new Amount(new BigDecimal("500"), "EUR"));
    }

    @Test
    void quarterAndYearCountEachDealOncePerStage() {
        Map<String, FunnelStage> q2 = stages(queries.funnel("2017-Q2", "all"));
        // LEAD in Q2: d1, d2, d4 (04-28 is in Q2)
        assertThat(q2.get("LEAD").entered()).isEqualTo(3);
        assertThat(q2.get("QUALIFIED").entered()).isEqualTo(3);
        assertThat(queries.funnel("2017-Q2", "all").openPipeline())
                .containsExactly(new Amount(new BigDecimal("2000"), "EUR"));
        assertThat(stages(queries.funnel("2017", "all")).get("LEAD").entered()).isEqualTo(3);
        assertThat(stages(queries.funnel("2017-04", "all")).get("LEAD").entered()).isEqualTo(1);
    }

    @Test
    void cutsFollowTheOwnerAndTheDeal() {
        for (String cut : List.of("region=east", "team=t1", "manager=m1", "channel=DIRECT", "productLine=Widget")) {
            assertThat(stages(queries.funnel("2017-05", cut)).get("QUALIFIED").entered()).as(cut).isEqualTo(3);
        }
        assertThat(stages(queries.funnel("2017-05", "region=west")).get("QUALIFIED").entered()).isZero();
        assertThat(queries.funnel("2017-05", "region=west").winRate()).isNull();
    }

    @Test
    void documentsAreFoundById() {
        assertThat(harness.doc(FunnelProjection.VIEWS, "2017-05|all")).isNotNull();
        assertThat(harness.doc(FunnelProjection.VIEWS, "2017-Q2|team=t1")).isNotNull();
        assertThat(harness.doc(FunnelProjection.DEALS, "d1").getList("entered", String.class))
                .contains("2017-05|QUALIFIED", "2017-Q2|PROPOSAL", "2017|WON");
    }
}
