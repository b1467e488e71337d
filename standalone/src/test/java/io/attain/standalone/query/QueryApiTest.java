package io.attain.standalone.query;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standalone app on the in-memory embedded store, configured exactly like the command API's HTTP tests (same
 * properties, so that a full test run shares one Spring context): the admin token from the environment and one
 * configured token per role.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "attain.embedded.backend=memory",
        "ATTAIN_ADMIN_TOKEN=" + QueryApi.ADMIN,
        "attain.security.tokens[it-manager-east-token]=MANAGER:mgr-east:it-team-east",
        "attain.security.tokens[" + QueryApi.REP_ANNA + "]=REP:it-anna:it-team-east",
        "attain.security.tokens[it-rep-boris-token]=REP:it-boris:it-team-east",
        "attain.security.tokens[it-finance-token]=FINANCE:fin-1",
        "attain.security.tokens[it-auditor-token]=AUDITOR:aud-1",
        "attain.security.tokens[it-integrator-token]=INTEGRATOR:int-1"})
@AutoConfigureWebTestClient(timeout = "30s")
@interface QueryApiTest {
}
