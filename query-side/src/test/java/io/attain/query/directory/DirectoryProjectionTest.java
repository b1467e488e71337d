package io.attain.query.directory;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Period;
import io.attain.kernel.organisation.RepOffboardedEvent;
import io.attain.kernel.organisation.TeamManagerChangedEvent;
import io.attain.kernel.product.ProductLineRegisteredEvent;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.query.api.Page;
import io.attain.query.support.Fixtures;
import io.attain.query.support.ProjectionHarness;
import io.attain.query.web.Paging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DirectoryProjectionTest {

    static ProjectionHarness harness;
    static DirectoryQueries queries;
    static final Paging ALL = new Paging(0, 200);

    @BeforeAll
    static void given() {
        harness = ProjectionHarness.start();
        Fixtures f = new Fixtures(harness);
        f.region("east", "East");
        f.region("west", "West");
        f.team("t1", "east", "m1");
        f.team("t2", "west", "m2");
        f.rep("anna", "Anna", "t1", "2016-01-04");
        f.rep("boris", "Boris", "t1", "2016-02-01");
        f.rep("carla", "Carla", "t2", "2016-03-01");
        f.transfer("boris", "t1", "t2", "2017-03-01");
        harness.publish("Rep", "carla", new RepOffboardedEvent("carla", LocalDate.parse("2017-06-01"),
                                                               Instant.parse("2017-05-20T10:00:00Z")));
        harness.publish("Team", "t1", new TeamManagerChangedEvent("t1", "m1", "m9",
                                                                  Instant.parse("2017-04-01T00:00:00Z")));
        harness.publish("ProductLine", "GTX Pro", new ProductLineRegisteredEvent(
                "GTX Pro", "GTX", Money.of("4821", "USD"), Instant.parse("2016-01-01T00:00:00Z")));
        harness.publish("ProductLine", "MG Special", new ProductLineRegisteredEvent(
                "MG Special", "MG", Money.of("55", "USD"), Instant.parse("2016-01-01T00:00:00Z")));
        f.target("y-anna", TargetOwnerType.REP, "anna", "2017", Metric.REVENUE, "100000", "2016-12-01T00:00:00Z");
        f.target("q2-anna", TargetOwnerType.REP, "anna", "2017-Q2", Metric.REVENUE, "30000", "2017-03-20T00:00:00Z");
        f.target("q3-anna", TargetOwnerType.REP, "anna", "2017-Q3", Metric.REVENUE, "30000", "2017-06-20T00:00:00Z");
        f.target("q2-t1", TargetOwnerType.TEAM, "t1", "2017-Q2", Metric.DEALS_WON, "40", "2017-03-20T00:00:00Z");
        f.target("m5-boris", TargetOwnerType.REP, "boris", "2017-05", Metric.REVENUE, "9000", "2017-04-20T00:00:00Z");
        // a later revision with an earlier business time is not the one in force
        f.revise("q2-anna", TargetOwnerType.REP, "anna", "30000", "35000", "2017-05-10T00:00:00Z");
        f.revise("q2-anna", TargetOwnerType.REP, "anna", "30000", "32000", "2017-04-10T00:00:00Z");
        harness.awaitCaughtUp();
        queries = new DirectoryQueries(harness.generations());
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    @Test
    void repsWithTheirCurrentTeam() {
        Page<DirectoryView.Rep> reps = queries.reps(null, null, ALL);
        assertThat(reps.total()).isEqualTo(3);
        assertThat(reps.items()).extracting(DirectoryView.Rep::repId, DirectoryView.Rep::teamId,
                                            DirectoryView.Rep::teamName, DirectoryView.Rep::regionId,
                                            DirectoryView.Rep::offboardedFrom)
                                .containsExactly(tuple("anna", "t1", "Team t1", "east", null),
                                                 tuple("boris", "t2", "Team t2", "west", null),
                                                 tuple("carla", "t2", "Team t2", "west", "2017-06-01"));
        assertThat(reps.items().get(0).managerId()).isEqualTo("m9");
        assertThat(reps.items().get(0).hireDate()).isEqualTo("2016-01-04");
        assertThat(queries.reps("t2", null, ALL).items()).extracting(DirectoryView.Rep::repId)
                                                           .containsExactly("boris", "carla");
        assertThat(queries.reps(null, "east", ALL).items()).extracting(DirectoryView.Rep::repId)
                                                             .containsExactly("anna");
        Page<DirectoryView.Rep> second = queries.reps(null, null, new Paging(1, 2));
        assertThat(second.items()).extracting(DirectoryView.Rep::repId).containsExactly("carla");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void teamsRegionsAndProductLines() {
        assertThat(queries.teams(null, ALL).items())
                .extracting(DirectoryView.Team::teamId, DirectoryView.Team::regionName,
                            DirectoryView.Team::managerId, DirectoryView.Team::reps)
                .containsExactly(tuple("t1", "East", "m9", 1), tuple("t2", "West", "m2", 1)); // carla offboarded
        assertThat(queries.teams("west", ALL).items()).extracting(DirectoryView.Team::teamId).containsExactly("t2");
        assertThat(queries.regions(ALL).items())
                .extracting(DirectoryView.Region::regionId, DirectoryView.Region::name, DirectoryView.Region::teams)
                .containsExactly(tuple("east", "East", 1), tuple("west", "West", 1));
        assertThat(queries.productLines(null, ALL).items())
                .extracting(DirectoryView.ProductLine::productLineId, DirectoryView.ProductLine::series,
                            l -> l.listPrice().toPlainString(), DirectoryView.ProductLine::currency)
                .containsExactly(tuple("GTX Pro", "GTX", "4821", "USD"), tuple("MG Special", "MG", "55", "USD"));
        assertThat(queries.productLines("MG", ALL).total()).isEqualTo(1);
    }

    @Test
    void targetsOverlappingAPeriod() {
        Page<DirectoryView.Target> q2 = queries.targets(
                new DirectoryQueries.TargetFilter(null, null, null, Period.parse("2017-Q2")), d -> true, ALL);
        assertThat(q2.items()).extracting(DirectoryView.Target::targetId)
                              .containsExactly("y-anna", "q2-anna", "q2-t1", "m5-boris");
        DirectoryView.Target anna = q2.items().get(1);
        assertThat(anna.amount()).isEqualByComparingTo("35000");
        assertThat(anna.assignedAmount()).isEqualByComparingTo("30000");
        assertThat(anna.revisions()).extracting(r -> r.amount().toPlainString()).containsExactly("32000", "35000");
        assertThat(anna.ownerName()).isEqualTo("Anna");
        assertThat(q2.items().get(2).ownerName()).isEqualTo("Team t1");
        assertThat(queries.targets(new DirectoryQueries.TargetFilter(null, null, null, Period.parse("2017-05")),
                                   d -> true, ALL).items())
                .extracting(DirectoryView.Target::targetId).containsExactly("y-anna", "q2-anna", "q2-t1", "m5-boris");
        assertThat(queries.targets(new DirectoryQueries.TargetFilter("REP", "anna", "REVENUE", null), d -> true, ALL)
                          .items()).extracting(DirectoryView.Target::targetId)
                                   .containsExactly("y-anna", "q2-anna", "q3-anna");
        assertThat(queries.targets(new DirectoryQueries.TargetFilter(null, null, null, Period.parse("2017-Q3")),
                                   d -> "TEAM".equals(d.getString(DirectorySchema.OWNER_TYPE)), ALL).total())
                .isZero();
    }

    @Test
    void replayGivesTheSameDocuments() {
        Map<String, String> live = harness.hashes();
        Map<String, Map<String, String>> liveDocs = harness.snapshot();
        harness.replay(DirectoryProjection.NAME);
        harness.awaitCaughtUp();
        assertThat(harness.hashes()).as(() -> ProjectionHarness.diff(liveDocs, harness.snapshot())).isEqualTo(live);
        assertThat(queries.reps(null, null, ALL).total()).isEqualTo(3);
    }
}
