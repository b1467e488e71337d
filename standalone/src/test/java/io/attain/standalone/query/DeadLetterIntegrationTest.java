package io.attain.standalone.query;

import io.attain.query.projection.ProjectionRuntime;
import io.attain.query.projection.ProjectionStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead letters through the admin API (ADR 0007): a poison event (a test-only fault in the funnel projection's
 * handlers, through {@link ProjectionStore#faults}) is dead-lettered while the funnel goes on with other deals; an
 * admin lists it, fixes the cause, retries it, and the funnel then shows it.
 */
@QueryApiTest
class DeadLetterIntegrationTest {

    private static final String API = "/api/v1/admin/dead-letters";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;
    @Autowired
    ProjectionRuntime runtime;

    @AfterEach
    void heal() {
        runtime.projection("funnel").store().faults(null);
    }

    private WebTestClient.ResponseSpec post(String uri, String token) {
        WebTestClient.RequestBodySpec request = web.post().uri(uri);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return request.exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> letters(String query) {
        Map<String, Object> body = new QueryApi(web).get(API + query, QueryApi.ADMIN).expectStatus().isOk()
                                                    .expectBody(JSON).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("deadLetters");
    }

    @Test
    void onlyAnAdminMayListOrRetryDeadLetters() {
        QueryApi api = new QueryApi(web);
        api.get(API, null).expectStatus().isUnauthorized()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(API + "/funnel/retry", null).expectStatus().isUnauthorized();
        for (String token : List.of(QueryApi.REP_ANNA, "it-manager-east-token", "it-finance-token",
                                    "it-auditor-token", "it-integrator-token")) {
            api.get(API, token).expectStatus().isForbidden()
               .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            post(API + "/funnel/retry", token).expectStatus().isForbidden();
            post(API + "/funnel/d1/retry", token).expectStatus().isForbidden();
        }
        api.get(API + "?projection=nope", QueryApi.ADMIN).expectStatus().isNotFound()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(API + "/nope/retry", QueryApi.ADMIN).expectStatus().isNotFound()
                                                 .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPoisonEventIsListedAndAppliedByARetryOnceFixed() {
        QueryApi api = new QueryApi(web);
        QueryApi.Org org = api.organisation();
        int year = QueryApi.uniqueYear();
        String poisoned = QueryApi.unique("dl");
        String healthy = QueryApi.unique("dl");
        runtime.projection("funnel").store().faults(new ProjectionStore.FaultInjector() {
            @Override
            public void afterHandlers(String projection, EventMessage<?> event) {
                if (event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals(poisoned)
                        && event.getPayloadType().getSimpleName().equals("DealWonEvent")) {
                    throw new IllegalStateException("poisoned win of " + poisoned);
                }
            }
        });
        api.openDeal(poisoned, org.anna(), "Acme", 900, "LEAD", year + "-05-02T10:00:00Z");
        api.openDeal(healthy, org.boris(), "Beta", 400, "LEAD", year + "-05-03T10:00:00Z");
        api.win(poisoned, 900, year + "-05-10T10:00:00Z");
        api.win(healthy, 400, year + "-05-11T10:00:00Z");
        String funnel = "/api/v1/funnel/" + year + "-05";

        // the funnel went on past the poison event: the other deal's win counts, the poisoned one does not
        assertThat(((Number) api.read(funnel).get("won")).intValue()).isEqualTo(1);
        List<Map<String, Object>> listed = letters("?projection=funnel").stream()
                .filter(l -> poisoned.equals(l.get("sequenceId"))).toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("projection", "funnel").containsEntry("type", "DealWonEvent")
                                 .containsEntry("causeType", IllegalStateException.class.getName())
                                 .containsEntry("retries", 0)
                                 .containsKeys("processor", "eventId", "position", "causeMessage", "enqueuedAt",
                                               "lastTouched");
        assertThat(letters("").stream().filter(l -> poisoned.equals(l.get("sequenceId")))).hasSize(1);

        // fixed: the retry applies it
        runtime.projection("funnel").store().faults(null);
        Map<String, Object> retried = post(API + "/funnel/" + poisoned + "/retry", QueryApi.ADMIN)
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat((List<?>) retried.get("processed")).hasSize(1);
        assertThat((List<?>) retried.get("failed")).isEmpty();
        assertThat(retried).containsEntry("remaining", 0);
        assertThat(letters("?projection=funnel").stream().filter(l -> poisoned.equals(l.get("sequenceId"))))
                .isEmpty();
        assertThat(((Number) api.read(funnel).get("won")).intValue()).isEqualTo(2);

        // nothing left: retrying all answers an empty result
        Map<String, Object> none = post(API + "/funnel/retry", QueryApi.ADMIN)
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat((List<?>) none.get("processed")).isEmpty();
    }
}
