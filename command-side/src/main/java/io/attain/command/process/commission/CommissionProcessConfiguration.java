package io.attain.command.process.commission;

import io.attain.command.process.support.BusProcessCommands;
import io.attain.command.process.support.MongoProcessStore;
import io.attain.command.process.support.ProcessStore;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The commission process ({@link CommissionProcess}) in the application: its state in MongoDB, its commands on
 * Axon's buses, and its event processor {@value CommissionProcess#NAME}: pooled streaming, one segment, one event per
 * batch, from the tail of the log, a failing event retried (never skipped). ADR 0005.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommissionProcessConfiguration {

    @Bean
    public ProcessStore commissionProcessStore(MongoDatabase database) {
        return new MongoProcessStore(database);
    }

    @Bean(destroyMethod = "close")
    public BusProcessCommands commissionProcessCommands(CommandBus commandBus, EventBus eventBus) {
        return new BusProcessCommands(commandBus, eventBus);
    }

    @Bean
    public CommissionProcess commissionProcess(ProcessStore commissionProcessStore,
                                               BusProcessCommands commissionProcessCommands) {
        return new CommissionProcess(commissionProcessStore, commissionProcessCommands);
    }

    @Bean
    public ConfigurerModule commissionProcessorModule() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(CommissionProcess.NAME, Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .batchSize(1)
                                .tokenClaimInterval(1000)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(CommissionProcess.NAME,
                        config -> PropagatingErrorHandler.instance()));
    }
}
