package io.attain.standalone.query;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standalone app on the in-memory embedded store with webhooks to local receivers allowed
 * ({@code attain.webhooks.allow-private-targets=true}) and the short retry schedule {@code 1s,1s,2s}; the admin
 * token of {@link QueryApi}, two integrators (one granted deals only) and a finance token. The webhook integration
 * tests share this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "attain.embedded.backend=memory",
        "ATTAIN_ADMIN_TOKEN=" + QueryApi.ADMIN,
        "attain.security.tokens[" + Receiver.INTEGRATOR + "]=INTEGRATOR:wh-int-1",
        "attain.security.tokens[" + Receiver.INTEGRATOR_DEALS + "]=INTEGRATOR:wh-int-2:deals",
        "attain.security.tokens[" + Receiver.FINANCE + "]=FINANCE:wh-fin-1",
        "attain.webhooks.allow-private-targets=true",
        "attain.webhooks.retry-delays=1s,1s,2s",
        "attain.webhooks.poll-interval=50ms"})
@AutoConfigureWebTestClient(timeout = "60s")
@interface WebhookApiTest {
}
