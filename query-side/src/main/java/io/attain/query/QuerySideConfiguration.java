package io.attain.query;

import io.attain.query.contest.ContestProjection;
import io.attain.query.contest.ContestQueries;
import io.attain.query.recognition.RecognitionProjection;
import io.attain.query.recognition.RecognitionQueries;

import com.mongodb.client.MongoDatabase;
import io.attain.query.attainment.AttainmentProjection;
import io.attain.query.channel.ChannelConflictProjection;
import io.attain.query.channel.ChannelQueries;
import io.attain.query.channel.PartnerRebateProjection;
import io.attain.query.attainment.AttainmentQueries;
import io.attain.query.activity.ActivityProjection;
import io.attain.query.deallist.DealListProjection;
import io.attain.query.directory.DirectoryProjection;
import io.attain.query.funnel.FunnelProjection;
import io.attain.query.funnel.FunnelQueries;
import io.attain.query.kpi.KpiProjection;
import io.attain.query.leaderboard.LeaderboardProjection;
import io.attain.query.leaderboard.LeaderboardQueries;
import io.attain.query.projection.BatchJournal;
import io.attain.query.projection.Generations;
import io.attain.query.projection.ProjectionRuntime;
import io.attain.query.projection.ReadModelPositions;
import io.attain.query.projection.ViewChanges;
import io.attain.query.scorecard.ScorecardProjection;
import io.attain.query.scorecard.ScorecardQueries;
import io.attain.query.statement.StatementAudit;
import io.attain.query.statement.StatementLog;
import io.attain.query.statement.StatementProjection;
import io.attain.query.statement.StatementQueries;
import io.attain.query.timeline.DealTimelineProjection;
import io.attain.query.timeline.DealTimelineQueries;
import io.attain.query.web.QueryAuthorization;
import io.attain.query.web.ProjectionAdminController;
import io.attain.query.web.ProjectionReads;
import io.attain.query.statement.StatementQueryController;
import io.attain.platform.security.AuthorizationRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Entry point of the query side: the projections (one pooled streaming processor each, see ADR 0003), their
 * MongoDB read models, the queries on them and the query API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
public class QuerySideConfiguration {

    /** The redo journal of all projections' batches. */
    public static final String JOURNAL = "query_journal";

    @Bean
    public BatchJournal attainQueryJournal(MongoDatabase database, Serializer serializer) {
        return new BatchJournal(database, JOURNAL, serializer);
    }

    /** The projections: processing group, collections, and how to build one on a generation's store. */
    public static List<ProjectionRuntime.Definition> projections() {
        return List.of(
                new ProjectionRuntime.Definition(FunnelProjection.NAME, FunnelProjection.COLLECTIONS,
                                                 FunnelProjection::new),
                new ProjectionRuntime.Definition(LeaderboardProjection.NAME, LeaderboardProjection.COLLECTIONS,
                                                 LeaderboardProjection::new),
                new ProjectionRuntime.Definition(AttainmentProjection.NAME, AttainmentProjection.COLLECTIONS,
                                                 AttainmentProjection::new),
                new ProjectionRuntime.Definition(ScorecardProjection.NAME, ScorecardProjection.COLLECTIONS,
                                                 ScorecardProjection::new),
                new ProjectionRuntime.Definition(DealTimelineProjection.NAME, DealTimelineProjection.COLLECTIONS,
                                                 DealTimelineProjection::new),
                new ProjectionRuntime.Definition(StatementProjection.NAME, StatementProjection.COLLECTIONS,
                                                 StatementProjection::new),
                new ProjectionRuntime.Definition(PartnerRebateProjection.NAME, PartnerRebateProjection.COLLECTIONS,
                                                 PartnerRebateProjection::new),
                new ProjectionRuntime.Definition(ChannelConflictProjection.NAME,
                                                 ChannelConflictProjection.COLLECTIONS,
                                                 ChannelConflictProjection::new),
                new ProjectionRuntime.Definition(ContestProjection.NAME, ContestProjection.COLLECTIONS,
                                                 ContestProjection::new),
                new ProjectionRuntime.Definition(RecognitionProjection.NAME, RecognitionProjection.COLLECTIONS,
                                                 RecognitionProjection::new),
                new ProjectionRuntime.Definition(DealListProjection.NAME, DealListProjection.COLLECTIONS,
                                                 DealListProjection::new),
                new ProjectionRuntime.Definition(DirectoryProjection.NAME, DirectoryProjection.COLLECTIONS,
                                                 DirectoryProjection::new),
                new ProjectionRuntime.Definition(ActivityProjection.NAME, ActivityProjection.COLLECTIONS,
                                                 ActivityProjection::new),
                new ProjectionRuntime.Definition(KpiProjection.NAME,
                                                 KpiProjection.COLLECTIONS,
                                                 KpiProjection::new));
    }

    /** Which generation of each projection is active (ADR 0004); queries read through it. */
    @Bean
    public Generations attainGenerations(MongoDatabase database, QueryProperties properties) {
        return new Generations(database, Clock.systemUTC(), properties.getGenerationCache());
    }

    /** The projections' processors (one pooled streaming processor per projection generation) and rebuilds. */
    @Bean
    public ProjectionRuntime attainProjections(MongoDatabase database, BatchJournal journal, Generations generations,
                                               ReadModelPositions positions, QueryProperties properties) {
        return new ProjectionRuntime(projections(), database, journal, generations, positions,
                                     new ProjectionRuntime.Settings(properties.getBatchSize(),
                                                                    properties.getTokenClaimInterval().toMillis(),
                                                                    properties.getCacheSize(),
                                                                    properties.getRebuild().getPollInterval(),
                                                                    properties.getRebuild().getRetireGrace()));
    }

    /** Starts and stops the projections' processors with Axon's configuration. */
    @Bean
    public ConfigurerModule attainQueryProcessors(ProjectionRuntime runtime) {
        return runtime::attach;
    }

    /**
     * {@code attain.query.dead-letter.sequences{projection}}: dead-letter sequences (deals with a parked event) of
     * each projection's active processor, read at scrape time (ADR 0007).
     */
    @Bean
    public MeterBinder attainDeadLetterMetrics(ProjectionRuntime runtime) {
        return registry -> runtime.names().forEach(name -> Gauge
                .builder("attain.query.dead-letter.sequences", runtime, r -> {
                    try {
                        return r.deadLetterSequences(name);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("dead-letter sequences of the projection's active processor")
                .tag("projection", name)
                .register(registry));
    }

    /** {@code /api/v1/admin/**} is for ADMIN only. */
    @Bean
    public AuthorizationRules attainAdminRules() {
        return ProjectionAdminController.RULES;
    }

    @Bean
    public ReadModelPositions attainReadModelPositions(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new ReadModelPositions(axonMongoTemplate.trackingTokensCollection(), serializer,
                                      Duration.ofMillis(20));
    }

    @Bean
    public ViewChanges attainViewChanges(ReadModelPositions positions, Generations generations,
                                         QueryProperties properties) {
        return new ViewChanges(positions, generations, properties.getLivePollInterval());
    }

    @Bean
    public LeaderboardQueries leaderboardQueries(Generations generations) {
        return new LeaderboardQueries(generations);
    }

    @Bean
    public FunnelQueries funnelQueries(Generations generations, QueryProperties properties) {
        return new FunnelQueries(generations, properties.getFunnel().getStageProbabilities());
    }

    @Bean
    public AttainmentQueries attainmentQueries(Generations generations, QueryProperties properties) {
        return new AttainmentQueries(generations, properties.getAttainment().getAtRiskMargin());
    }

    @Bean
    public ScorecardQueries scorecardQueries(Generations generations) {
        return new ScorecardQueries(generations);
    }

    @Bean
    public DealTimelineQueries dealTimelineQueries(Generations generations) {
        return new DealTimelineQueries(generations);
    }

    @Bean
    public ContestQueries contestQueries(Generations generations) {
        return new ContestQueries(generations);
    }

    @Bean
    public RecognitionQueries recognitionQueries(Generations generations) {
        return new RecognitionQueries(generations);
    }

    @Bean
    public StatementQueries statementQueries(Generations generations) {
        return new StatementQueries(generations);
    }

    @Bean
    public ChannelQueries channelQueries(Generations generations) {
        return new ChannelQueries(generations);
    }

    /** Reads statements from the log (as-of answers, verify): the event store and its commit documents. */
    @Bean
    public StatementLog statementLog(EventStore eventStore, MongoDatabase database) {
        return new StatementLog(eventStore, database);
    }

    @Bean
    public StatementAudit statementAudit(StatementLog log, StatementQueries queries,
                                         @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new StatementAudit(log, queries, eventSerializer);
    }

    /** {@code /api/v1/audit/**}: ADMIN, AUDITOR; {@code /api/v1/payouts/**}: FINANCE, ADMIN. */
    @Bean
    public AuthorizationRules attainStatementRules() {
        return StatementQueryController.RULES;
    }

    @Bean
    public QueryAuthorization queryAuthorization(Generations generations) {
        return new QueryAuthorization(generations);
    }

    @Bean
    public ProjectionReads.QueryTimeouts queryTimeouts(QueryProperties properties) {
        return new ProjectionReads.QueryTimeouts(properties.getConsistencyTimeout(), Clock.systemUTC(),
                                                 properties.getLiveHeartbeat());
    }
}
