package io.attain.standalone.restart;

import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;
import io.attain.kernel.common.Role;
import io.attain.kernel.common.Stage;
import io.attain.kernel.deal.AdvanceDealCommand;
import io.attain.kernel.deal.DealOpenedEvent;
import io.attain.kernel.deal.DealStageChangedEvent;
import io.attain.kernel.deal.DealWonEvent;
import io.attain.kernel.deal.OpenDealCommand;
import io.attain.kernel.organisation.CreateRegionCommand;
import io.attain.kernel.organisation.CreateTeamCommand;
import io.attain.kernel.organisation.OnboardRepCommand;
import io.attain.standalone.AttainApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default keeps its data: the app is started on a data directory (file backend, random port),
 * commands append events, the app is closed and started again on the same directory, and the events are
 * still there — read back through Axon's event store — and the aggregates continue from their last version.
 */
class DataSurvivesRestartIntegrationTest {

    static final String TOKEN = "restart-test-admin-token-0123456789";
    static final Instant OPENED = Instant.parse("2017-03-01T09:00:00Z");

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AttainApplication.class)
                .properties("axoniq.update-checker.disabled=true", "spring.main.banner-mode=off")
                .run("--attain.data-dir=" + dataDir, "--server.port=0", "--ATTAIN_ADMIN_TOKEN=" + TOKEN);
    }

    static List<? extends DomainEventMessage<?>> events(ConfigurableApplicationContext app, String aggregateId) {
        return app.getBean(EventStore.class).readEvents(aggregateId).asStream().toList();
    }

    private static final String ACME = io.attain.kernel.channel.ChannelIds.customerChannelId("Acme");

    @Test
    void eventsSurviveARestartAndAggregatesContinueFromTheirLastVersion() {
        long positionsBefore;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(((WebServerApplicationContext) app).getWebServer().getPort()).isPositive();
            CommandGateway commands = app.getBean(CommandGateway.class);
            commands.sendAndWait(new CreateRegionCommand("region-r", "Restart region", "mgr-r", OPENED));
            commands.sendAndWait(new CreateTeamCommand("team-r", "Restart team", "region-r", "mgr-r", OPENED));
            commands.sendAndWait(new OnboardRepCommand("rep-r", "Rita Restart", Role.SALES_REP, "team-r", "mgr-r",
                    LocalDate.of(2017, 1, 2), OPENED));
            commands.sendAndWait(new OpenDealCommand("deal-r", "rep-r", "Acme", "GTX Pro", Channel.DIRECT, null,
                    Money.of("4821", "USD"), null, Stage.QUALIFIED, OPENED));
            commands.sendAndWait(new AdvanceDealCommand("deal-r", Stage.PROPOSAL, null, null,
                    Instant.parse("2017-03-10T09:00:00Z")));

            assertThat(events(app, "deal-r")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
            // the channel process claims the deal's customer asynchronously (ADR 0008): the sixth event
            await().atMost(Duration.ofSeconds(30)).until(() -> events(app, ACME).size() == 1);
            positionsBefore = app.getBean(MongoEventStorageEngine.class).allocatedPositions();
            assertThat(positionsBefore).isEqualTo(6);
        }
        assertThat(Files.isDirectory(dataDir.resolve("store"))).as("the embedded store's journal directory").isTrue();

        try (ConfigurableApplicationContext app = start()) {
            // Every event is still there, in order, with its payload.
            List<? extends DomainEventMessage<?>> deal = events(app, "deal-r");
            assertThat(deal).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
            DealOpenedEvent opened = (DealOpenedEvent) deal.get(0).getPayload();
            assertThat(opened.ownerRepId()).isEqualTo("rep-r");
            assertThat(opened.amount()).isEqualTo(Money.of("4821", "USD"));
            assertThat(opened.occurredAt()).isEqualTo(OPENED);
            assertThat(((DealStageChangedEvent) deal.get(1).getPayload()).toStage()).isEqualTo(Stage.PROPOSAL);
            assertThat(events(app, "region-r")).hasSize(1);
            assertThat(events(app, "team-r")).hasSize(1);
            assertThat(events(app, "rep-r")).hasSize(1);
            MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
            assertThat(engine.allocatedPositions()).isEqualTo(positionsBefore);
            assertThat(engine.lastSequenceNumberFor("deal-r")).contains(1L);

            // The aggregates are rebuilt from the stored events and accept their next commands.
            CommandGateway commands = app.getBean(CommandGateway.class);
            commands.sendAndWait(new AdvanceDealCommand("deal-r", Stage.WON, "signed", Money.of("4514", "USD"),
                    Instant.parse("2017-03-20T09:00:00Z")));
            commands.sendAndWait(new OpenDealCommand("deal-r2", "rep-r", "Acme", "GTX Basic", Channel.DIRECT, null,
                    Money.of("550", "USD"), null, null, Instant.parse("2017-04-01T09:00:00Z")));

            List<? extends DomainEventMessage<?>> after = events(app, "deal-r");
            assertThat(after).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
            DealWonEvent won = (DealWonEvent) after.get(2).getPayload();
            assertThat(won.amount().amount()).isEqualByComparingTo(new BigDecimal("4514"));
            assertThat(events(app, "deal-r2")).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> events(app, ACME).size() == 2);   // deal-r2's claim
            assertThat(engine.allocatedPositions()).isEqualTo(positionsBefore + 3);
        }

        try (ConfigurableApplicationContext app = start()) {
            // The writes of the second run survived as well.
            assertThat(events(app, "deal-r")).hasSize(3);
            assertThat(events(app, "deal-r2")).hasSize(1);
        }
    }
}
