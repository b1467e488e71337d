package io.attain.query.integration;

import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.integration.EventRevisions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integrator feed, stream, schemas and deal snapshot (issue 11, ADR 0011). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationProperties.class)
public class IntegrationConfiguration {

    @Bean
    public CloudEvents attainCloudEvents(IntegrationProperties properties, ObjectProvider<EventRevisions> revisions) {
        return new CloudEvents(properties.getSource(), properties.getBaseUrl(),
                               revisions.getIfAvailable(EventRevisions::kernel));
    }

    @Bean
    public EventFeed attainEventFeed(MongoEventStorageEngine engine, CloudEvents cloudEvents) {
        return new EventFeed(engine, cloudEvents);
    }

    @Bean(destroyMethod = "close")
    public EventStreams attainEventStreams(EventFeed feed, MongoEventStorageEngine engine,
                                           IntegrationProperties properties) {
        return new EventStreams(feed, engine, properties.getStream());
    }

    @Bean
    public DealSnapshot attainDealSnapshot(MongoEventStorageEngine engine) {
        return new DealSnapshot(engine);
    }

    @Bean
    public SchemaCatalog attainSchemaCatalog(CloudEvents cloudEvents) {
        return new SchemaCatalog(cloudEvents);
    }

    @Bean(destroyMethod = "close")
    public IntegrationReads attainIntegrationReads() {
        return new IntegrationReads();
    }
}
