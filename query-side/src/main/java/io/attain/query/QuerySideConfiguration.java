package io.attain.query;

import com.mongodb.client.MongoDatabase;
import io.attain.query.attainment.AttainmentProjection;
import io.attain.query.attainment.AttainmentQueries;
import io.attain.query.funnel.FunnelProjection;
import io.attain.query.funnel.FunnelQueries;
import io.attain.query.leaderboard.LeaderboardProjection;
import io.attain.query.leaderboard.LeaderboardQueries;
import io.attain.query.projection.BatchJournal;
import io.attain.query.projection.Projection;
import io.attain.query.projection.ProjectionProcessors;
import io.attain.query.projection.ProjectionStore;
import io.attain.query.projection.ReadModelPositions;
import io.attain.query.projection.ViewChanges;
import io.attain.query.scorecard.ScorecardProjection;
import io.attain.query.scorecard.ScorecardQueries;
import io.attain.query.timeline.DealTimelineProjection;
import io.attain.query.timeline.DealTimelineQueries;
import io.attain.query.web.QueryAuthorization;
import io.attain.query.web.QueryController;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
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

    @Bean
    public FunnelProjection funnelProjection(MongoDatabase database, BatchJournal journal, QueryProperties properties) {
        return new FunnelProjection(store(FunnelProjection.NAME, FunnelProjection.COLLECTIONS, database, journal,
                                          properties));
    }

    @Bean
    public LeaderboardProjection leaderboardProjection(MongoDatabase database, BatchJournal journal,
                                                       QueryProperties properties) {
        return new LeaderboardProjection(store(LeaderboardProjection.NAME, LeaderboardProjection.COLLECTIONS,
                                               database, journal, properties));
    }

    @Bean
    public AttainmentProjection attainmentProjection(MongoDatabase database, BatchJournal journal,
                                                     QueryProperties properties) {
        return new AttainmentProjection(store(AttainmentProjection.NAME, AttainmentProjection.COLLECTIONS, database,
                                              journal, properties));
    }

    @Bean
    public ScorecardProjection scorecardProjection(MongoDatabase database, BatchJournal journal,
                                                   QueryProperties properties) {
        return new ScorecardProjection(store(ScorecardProjection.NAME, ScorecardProjection.COLLECTIONS, database,
                                             journal, properties));
    }

    @Bean
    public DealTimelineProjection dealTimelineProjection(MongoDatabase database, BatchJournal journal,
                                                         QueryProperties properties) {
        return new DealTimelineProjection(store(DealTimelineProjection.NAME, DealTimelineProjection.COLLECTIONS,
                                                database, journal, properties));
    }

    private static ProjectionStore store(String name, List<String> collections, MongoDatabase database,
                                         BatchJournal journal, QueryProperties properties) {
        return new ProjectionStore(name, database, collections, journal, properties.getCacheSize());
    }

    /** One pooled streaming processor per projection, registered with Axon's configuration. */
    @Bean
    public ConfigurerModule attainQueryProcessors(List<Projection> projections, QueryProperties properties) {
        ProjectionProcessors.Settings settings = new ProjectionProcessors.Settings(
                properties.getBatchSize(), properties.getTokenClaimInterval().toMillis());
        return configurer -> configurer.eventProcessing(
                processing -> ProjectionProcessors.register(processing, projections, settings));
    }

    @Bean
    public ReadModelPositions attainReadModelPositions(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new ReadModelPositions(axonMongoTemplate.trackingTokensCollection(), serializer,
                                      Duration.ofMillis(20));
    }

    @Bean
    public ViewChanges attainViewChanges(ReadModelPositions positions, QueryProperties properties) {
        return new ViewChanges(positions, properties.getLivePollInterval());
    }

    @Bean
    public LeaderboardQueries leaderboardQueries(MongoDatabase database) {
        return new LeaderboardQueries(database);
    }

    @Bean
    public FunnelQueries funnelQueries(MongoDatabase database, QueryProperties properties) {
        return new FunnelQueries(database, properties.getFunnel().getStageProbabilities());
    }

    @Bean
    public AttainmentQueries attainmentQueries(MongoDatabase database, QueryProperties properties) {
        return new AttainmentQueries(database, properties.getAttainment().getAtRiskMargin());
    }

    @Bean
    public ScorecardQueries scorecardQueries(MongoDatabase database) {
        return new ScorecardQueries(database);
    }

    @Bean
    public DealTimelineQueries dealTimelineQueries(MongoDatabase database) {
        return new DealTimelineQueries(database);
    }

    @Bean
    public QueryAuthorization queryAuthorization(MongoDatabase database) {
        return new QueryAuthorization(database);
    }

    @Bean
    public QueryController.QueryTimeouts queryTimeouts(QueryProperties properties) {
        return new QueryController.QueryTimeouts(properties.getConsistencyTimeout(), Clock.systemUTC(),
                                                 properties.getLiveHeartbeat());
    }
}
