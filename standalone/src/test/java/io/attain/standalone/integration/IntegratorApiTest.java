package io.attain.standalone.integration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standalone app on the in-memory embedded store for the integrator feed, stream, schemas and snapshot: an admin,
 * three integrators (default categories, compensation granted, deals only) and a rep; small stream buffers, a short
 * slow-client timeout and heartbeat, and small server socket buffers ({@link SmallSendBuffers}), so that those rules
 * show within a test. One shared context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "attain.embedded.backend=memory",
        "ATTAIN_ADMIN_TOKEN=" + IntegratorApi.ADMIN,
        "attain.security.tokens[" + IntegratorApi.INTEGRATOR + "]=INTEGRATOR:warehouse",
        "attain.security.tokens[" + IntegratorApi.PAYROLL + "]=INTEGRATOR:payroll:deals,compensation",
        "attain.security.tokens[" + IntegratorApi.DEALS_ONLY + "]=INTEGRATOR:crm:deals",
        "attain.security.tokens[" + IntegratorApi.REP + "]=REP:it-rep:it-team",
        "attain.integration.base-url=http://attain.test",
        "attain.integration.stream.buffer=50",
        "attain.integration.stream.slow-client-timeout=2s",
        "attain.integration.stream.heartbeat=1s"})
@AutoConfigureWebTestClient(timeout = "60s")
@Import(SmallSendBuffers.class)
@interface IntegratorApiTest {
}
