package io.attain.query.projection;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

import java.util.List;

/**
 * Registers one pooled streaming processor per projection, named after its processing group, on the event store:
 * one segment, the Mongo token store wrapped for roll-forward, batches of {@code batchSize} events written once at
 * the end of the batch, and errors propagated (a failing handler or write rolls the batch back, the segment is
 * released and claimed again after a back-off) instead of Axon's default of logging and skipping the event.
 */
public final class ProjectionProcessors {

    private ProjectionProcessors() {
    }

    /** Settings of the projection processors. */
    public record Settings(int batchSize, long tokenClaimIntervalMillis) {
    }

    public static void register(EventProcessingConfigurer processing, List<? extends Projection> projections,
                                Settings settings) {
        for (Projection projection : projections) {
            String name = projection.name();
            processing.registerTokenStore(name, c -> new RecoveringTokenStore(c.getComponent(
                    org.axonframework.eventhandling.tokenstore.TokenStore.class), projection.store()));
            processing.registerPooledStreamingEventProcessor(
                    name, Configuration::eventStore,
                    (config, builder) -> builder.batchSize(settings.batchSize())
                                                .initialSegmentCount(1)
                                                .maxClaimedSegments(1)
                                                .tokenClaimInterval(settings.tokenClaimIntervalMillis()));
            processing.registerHandlerInterceptor(name, c -> new BatchCommitInterceptor(projection));
            processing.registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance());
            processing.registerErrorHandler(name, c -> PropagatingErrorHandler.instance());
        }
    }
}
