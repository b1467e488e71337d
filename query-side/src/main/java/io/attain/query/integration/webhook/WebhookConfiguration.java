package io.attain.query.integration.webhook;

import com.mongodb.client.MongoDatabase;
import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.kernel.integration.EventCategory;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.attain.platform.security.AuthorizationRules;
import io.attain.query.integration.CloudEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Webhooks (issue 11, ADR 0012): registry, delivery worker, API rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    /** What an integrator whose token names no category receives: everything but compensation (ADR 0011). */
    static final Set<EventCategory> DEFAULT_CATEGORIES = EnumSet.of(
            EventCategory.DEALS, EventCategory.ACTIVITIES, EventCategory.ORGANISATION, EventCategory.TARGETS);

    @Bean
    public WebhookStore attainWebhookStore(MongoDatabase database) {
        return new WebhookStore(database);
    }

    @Bean
    public WebhookSource attainWebhookSource(MongoEventStorageEngine engine, ObjectProvider<CloudEvents> cloudEvents) {
        return new LogWebhookSource(engine, cloudEvents.getIfAvailable(
                () -> new CloudEvents("urn:attain", "http://localhost:8080")));
    }

    @Bean
    public TargetGuard attainWebhookTargetGuard(WebhookProperties properties) {
        return new TargetGuard(properties.isAllowPrivateTargets());
    }

    @Bean
    public SecretBox attainWebhookSecretBox(WebhookProperties properties) {
        return SecretBox.of(properties.getSecretKey());
    }

    @Bean
    public WebhookRegistry attainWebhookRegistry(WebhookStore store, WebhookSource source, TargetGuard guard,
                                                 SecretBox box, WebhookProperties properties) {
        return new WebhookRegistry(store, source, guard, box, properties, Clock.systemUTC(),
                                   WebhookConfiguration::categories);
    }

    @Bean
    public WebhookDispatcher attainWebhookDispatcher(WebhookStore store, WebhookSource source, TargetGuard guard,
                                                     SecretBox box, WebhookProperties properties,
                                                     MongoEventStorageEngine engine) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, source, guard, box, properties, Clock.systemUTC());
        engine.addAppendListener(dispatcher::wake); // new events go out at once, not at the next poll
        return dispatcher;
    }

    /** {@code /api/v1/webhooks/**}: ADMIN and INTEGRATOR. */
    @Bean
    public AuthorizationRules attainWebhookRules() {
        return WebhookController.RULES;
    }

    /**
     * The categories a webhook of the principal receives ({@code null}: all): ADMIN all; an INTEGRATOR those its
     * token grants, without any every category but compensation; unknown names grant nothing.
     */
    static List<String> categories(AttainPrincipal principal) {
        if (principal == null || principal.hasRole(AttainRole.ADMIN)) {
            return null;
        }
        List<String> granted = new ArrayList<>();
        if (principal.categories().isEmpty()) {
            DEFAULT_CATEGORIES.forEach(c -> granted.add(c.id()));
            return granted;
        }
        for (String name : principal.categories()) {
            EventCategory.fromId(name).ifPresent(c -> granted.add(c.id()));
        }
        return granted;
    }
}
