package io.attain.command.process.channel;

import com.mongodb.client.MongoDatabase;
import io.attain.command.process.support.BusProcessCommands;
import io.attain.command.process.support.MongoProcessStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The channel process ({@link ChannelProcess}) in the application: its state in MongoDB (collection
 * {@value ChannelProcess#COLLECTION}), its commands on Axon's buses from a thread of its own, and its event processor
 * {@value ChannelProcess#NAME}: pooled streaming, one segment, one event per batch, from the tail of the log, a
 * failing event retried (never skipped) — as the commission process (ADR 0005, 0008). The store and the command
 * sender are not beans (the commission process's are, by type).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ChannelProcessConfiguration {

    @Bean(destroyMethod = "close")
    public ChannelProcess channelProcess(MongoDatabase database, CommandBus commandBus, EventBus eventBus) {
        return new ChannelProcess(new MongoProcessStore(database, ChannelProcess.COLLECTION),
                new BusProcessCommands(commandBus, eventBus, "channel-process-commands"));
    }

    @Bean
    public ConfigurerModule channelProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(ChannelProcess.NAME, Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .batchSize(1)
                                .tokenClaimInterval(1000)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(ChannelProcess.NAME,
                        config -> PropagatingErrorHandler.instance()));
    }
}
