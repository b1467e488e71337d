package io.attain.standalone.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A leaderboard as text/event-stream: its state first, then its new state after each change. */
@QueryApiTest
class QueryLiveStreamIntegrationTest {

    @Autowired
    WebTestClient web;

    QueryApi api;
    QueryApi.Org org;
    int year;

    @BeforeEach
    void setUp() {
        api = new QueryApi(web);
        org = api.organisation();
        year = QueryApi.uniqueYear();
    }

    private String at(String monthDay) {
        return year + "-" + monthDay + "T10:00:00Z";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(ServerSentEvent<Map<String, Object>> event) {
        return (List<Map<String, Object>>) event.data().get("entries");
    }

    @Test
    void pushesTheBoardAfterEachChange() {
        Flux<ServerSentEvent<Map<String, Object>>> stream = web.get()
                .uri("/api/v1/leaderboards/" + year + "-05/stream?metric=REVENUE&team=" + org.t1())
                .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(QueryApi.ADMIN))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody();
        List<ServerSentEvent<Map<String, Object>>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = stream.filter(e -> e.data() != null).subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            assertThat(received.get(0).event()).isEqualTo("leaderboard");
            assertThat(entries(received.get(0))).isEmpty();

            String d1 = QueryApi.unique("d");
            api.openDeal(d1, org.anna(), "Acme", 1000, "LEAD", at("05-01"));
            api.win(d1, 1000, at("05-02"));
            await().atMost(Duration.ofSeconds(30)).until(() -> entries(received.get(received.size() - 1)).size() == 1);
            assertThat(entries(received.get(received.size() - 1)).get(0)).containsEntry("repId", org.anna());

            String d2 = QueryApi.unique("d");
            api.openDeal(d2, org.boris(), "Beta", 2000, "LEAD", at("05-01"));
            api.win(d2, 2000, at("05-03"));
            await().atMost(Duration.ofSeconds(30)).until(() -> entries(received.get(received.size() - 1)).size() == 2);
            List<Map<String, Object>> last = entries(received.get(received.size() - 1));
            // boris 2000 ahead of anna 1000
            assertThat(last).extracting(e -> e.get("repId")).containsExactly(org.boris(), org.anna());
            assertThat(new BigDecimal(last.get(0).get("value").toString())).isEqualByComparingTo("2000");
            // each event carries the processor's position, never decreasing
            List<Long> ids = received.stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted();
        } finally {
            subscription.dispose();
        }
    }
}
