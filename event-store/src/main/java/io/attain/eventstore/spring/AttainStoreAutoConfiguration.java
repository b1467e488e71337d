package io.attain.eventstore.spring;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.PayloadRevisions;
import io.attain.eventstore.embedded.EmbeddedMongo;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.context.ApplicationEventPublisher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wires Attain's storage into a Spring Boot application: the MongoDB client (the embedded file-backed default when
 * no {@code spring.mongodb.uri} is set, else a real MongoDB with majority writes and reads), Attain's event storage
 * engine (from which Axon builds its {@code EmbeddedEventStore}), the Mongo token store, and the snapshot trigger and
 * aggregate cache that aggregates name in {@code @Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger",
 * cache = "attainAggregateCache")}.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(AttainStoreProperties.class)
public class AttainStoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttainStoreAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMongoCondition.class)
    @ConditionalOnMissingBean(EmbeddedMongo.class)
    public EmbeddedMongo attainEmbeddedMongo(AttainStoreProperties properties) {
        AttainStoreProperties.Embedded embedded = properties.getEmbedded();
        EmbeddedMongo server;
        if (embedded.getBackend() == AttainStoreProperties.Backend.MEMORY) {
            server = EmbeddedMongo.inMemory(embedded.isOplog());
        } else {
            Path old = properties.getDataDir().resolve("attain.mv");
            if (Files.exists(old)) {
                throw new IllegalStateException("The embedded data file " + old.toAbsolutePath() + " was written by an"
                        + " older Attain (H2 file backend); this version keeps its data in a journal under "
                        + properties.getDataDir().resolve("store").toAbsolutePath() + ". Move " + old
                        + " away (or delete it) and import again.");
            }
            server = EmbeddedMongo.durable(properties.getDataDir().resolve("store"), embedded.isOplog(),
                                           embedded.getPort(), embedded.getCompactionMinBytes());
        }
        log.info("No spring.mongodb.uri set: running the embedded MongoDB-wire server ({}) at {}{}",
                 embedded.getBackend(), server.connectionString(),
                 server.directory() == null ? "" : " with its journal in " + server.directory());
        return server;
    }

    @Bean
    @Conditional(EmbeddedMongoCondition.class)
    public EmbeddedStoreReadiness attainEmbeddedStoreReadiness(EmbeddedMongo store, ApplicationEventPublisher publisher) {
        return new EmbeddedStoreReadiness(store, publisher);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @Conditional(EmbeddedMongoCondition.class)
    static class Health {
        @Bean
        public EmbeddedStoreHealthIndicator embeddedStoreHealthIndicator(EmbeddedMongo store) {
            return new EmbeddedStoreHealthIndicator(store);
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MongoClient attainMongoClient(ObjectProvider<EmbeddedMongo> embedded, Environment environment) {
        EmbeddedMongo server = embedded.getIfAvailable();
        if (server != null) {
            return MongoClients.create(server.connectionString());
        }
        ConnectionString uri = new ConnectionString(environment.getRequiredProperty(EmbeddedMongoCondition.URI_PROPERTY));
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(uri);
        // Unless the URI says otherwise: acknowledged by a majority, and reads of majority-committed data only.
        if (uri.getWriteConcern() == null) {
            settings.writeConcern(WriteConcern.MAJORITY);
        }
        if (uri.getReadConcern() == null) {
            settings.readConcern(ReadConcern.MAJORITY);
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoDatabase attainMongoDatabase(MongoClient client, AttainStoreProperties properties) {
        return client.getDatabase(properties.getDatabase());
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public MongoEventStorageEngine eventStorageEngine(MongoDatabase database,
                                                      Serializer defaultSerializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      org.axonframework.config.Configuration configuration,
                                                      AttainStoreProperties properties,
                                                      ObjectProvider<EmbeddedMongo> embedded,
                                                      ObjectProvider<PayloadRevisions> payloadRevisions) {
        AttainStoreProperties.EventStore settings = properties.getEventStore();
        // The embedded server runs in this process and only this engine writes its log: positions from memory,
        // reserved a block at a time (ADR 0002). Real MongoDB may have several writing processes: one $inc per append.
        boolean inProcessPositions = embedded.getIfAvailable() != null;
        return MongoEventStorageEngine.builder()
                                      .database(database)
                                      .snapshotSerializer(defaultSerializer)
                                      .eventSerializer(eventSerializer)
                                      .upcasterChain(configuration.upcasterChain())
                                      .payloadRevisions(payloadRevisions.getIfAvailable(() -> PayloadRevisions.NONE))
                                      .snapshotFilter(configuration.snapshotFilter())
                                      .batchSize(settings.getBatchSize())
                                      .gapHoldBack(settings.getGapHoldBack())
                                      .gapTimeout(settings.getGapTimeout())
                                      .maxGapOffset(settings.getMaxGapOffset())
                                      .inProcessPositions(inProcessPositions)
                                      .build();
    }

    /**
     * Axon's event store on Attain's engine, as Axon's auto-configuration would build it, but polling the log every
     * {@code attain.event-store.fetch-delay} (default 100 ms instead of Axon's 1 s): a process that does not write an
     * event itself (e.g. a query side on its own) sees it that much sooner. Appends in this process wake readers at
     * once either way, and its streams tell idle processors when events arrive ({@link AttainEventStore}).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         AttainStoreProperties properties) {
        return new AttainEventStore(EmbeddedEventStore.builder()
                                                      .storageEngine(storageEngine)
                                                      .fetchDelay(properties.getEventStore().getFetchDelay().toMillis())
                                                      .messageMonitor(configuration.messageMonitor(EventStore.class,
                                                                                                   "eventStore"))
                                                      .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "attainSnapshotTrigger")
    public SnapshotTriggerDefinition attainSnapshotTrigger(@Lazy Snapshotter snapshotter,
                                                           AttainStoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.getEventStore().getSnapshotThreshold());
    }

    @Bean
    @ConditionalOnMissingBean(name = "attainAggregateCache")
    public Cache attainAggregateCache() {
        return new WeakReferenceCache();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        public EventStoreMetrics attainEventStoreMetrics(MongoEventStorageEngine engine,
                                                         EventProcessingConfiguration processing,
                                                         ObjectProvider<StreamingProcessors> others) {
            return new EventStoreMetrics(engine, processing, others.orderedStream().toList());
        }

        @Bean
        @Conditional(EmbeddedMongoCondition.class)
        public io.micrometer.core.instrument.binder.MeterBinder attainEmbeddedStoreMetrics(EmbeddedMongo store) {
            return registry -> {
                io.micrometer.core.instrument.Gauge.builder("attain.embedded.store.bytes", store, EmbeddedMongo::diskBytes)
                        .description("Bytes of the embedded store's journal and snapshot files").register(registry);
                io.micrometer.core.instrument.Gauge.builder("attain.embedded.store.compactions", store,
                                                            EmbeddedMongo::compactions)
                        .description("Compactions of the embedded store's journal since start").register(registry);
                io.micrometer.core.instrument.Gauge.builder("attain.embedded.store.failed", store,
                                                            s -> s.failure().isPresent() ? 1 : 0)
                        .description("1 once the embedded store stopped writing").register(registry);
            };
        }
    }
}
