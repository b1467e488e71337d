package io.attain.standalone.http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standalone app on the in-memory embedded store, with the admin token from the environment and
 * one configured token per role. All HTTP integration tests share this one context (same properties).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "attain.embedded.backend=memory",
        "ATTAIN_ADMIN_TOKEN=" + Tokens.ADMIN,
        "attain.security.tokens[" + Tokens.MANAGER_EAST + "]=MANAGER:mgr-east:" + World.TEAM_EAST,
        "attain.security.tokens[" + Tokens.REP_ANNA + "]=REP:" + World.ANNA + ":" + World.TEAM_EAST,
        "attain.security.tokens[" + Tokens.REP_BORIS + "]=REP:" + World.BORIS + ":" + World.TEAM_EAST,
        "attain.security.tokens[" + Tokens.FINANCE + "]=FINANCE:fin-1",
        "attain.security.tokens[" + Tokens.AUDITOR + "]=AUDITOR:aud-1",
        "attain.security.tokens[" + Tokens.INTEGRATOR + "]=INTEGRATOR:int-1"})
@AutoConfigureWebTestClient(timeout = "60s")
@interface HttpApiTest {
}
