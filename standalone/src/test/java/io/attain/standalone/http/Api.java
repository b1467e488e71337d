package io.attain.standalone.http;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests to the command API as a given token, and the number of events in the store. */
final class Api {

    private final WebTestClient web;
    private final MongoDatabase database;

    Api(WebTestClient web, MongoDatabase database) {
        this.web = web;
        this.database = database;
    }

    MongoDatabase database() {
        return database;
    }

    /** A request with the token (or none when {@code null}) and a JSON body (a Map or JSON text). */
    WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body) {
        return send(method, path, token, body, null);
    }

    WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(path).contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return request.bodyValue(body).exchange();
        } catch (IllegalStateException timeout) {
            // no answer within the client's timeout: show where the server's threads are
            System.out.println("No answer to " + method + " " + path + "\n" + ThreadDumps.all());
            throw timeout;
        }
    }

    WebTestClient.ResponseSpec post(String path, Object body) {
        return send(HttpMethod.POST, path, Tokens.ADMIN, body);
    }

    WebTestClient.ResponseSpec put(String path, Object body) {
        return send(HttpMethod.PUT, path, Tokens.ADMIN, body);
    }

    /** Sends as ADMIN and expects success (2xx). */
    Map<String, Object> ok(HttpMethod method, String path, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = send(method, path, Tokens.ADMIN, body)
                .expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody();
        return result;
    }

    /** Sends as ADMIN; a 409 (exists already) is fine too. For the shared fixture of all tests. */
    void ensure(String path, Object body) {
        send(HttpMethod.POST, path, Tokens.ADMIN, body).expectStatus().value(status -> {
            if (status != 201 && status != 409) {
                throw new AssertionError("setting up " + path + " answered " + status);
            }
        });
    }

    /**
     * Events in the store: the sum of the sizes of the {@code events} arrays of all commits — except the channel
     * process's customer claims ({@code CustomerChannel} commits), which every opened deal causes asynchronously
     * (ADR 0008), so that a test counts what its request appended.
     */
    long eventCount() {
        long count = 0;
        for (Document commit : database.getCollection("events").find()) {
            if ("CustomerChannel".equals(commit.getString("aggregateType"))) {
                continue;
            }
            List<?> events = commit.getList("events", Object.class);
            count += events == null ? 0 : events.size();
        }
        return count;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON object from name/value pairs; a {@code null} value is left out. */
    static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                json.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return json;
    }
}
