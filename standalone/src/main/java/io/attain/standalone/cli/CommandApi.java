package io.attain.standalone.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The importer's side of Attain's HTTP command API: POSTs a JSON body with the bearer token and an
 * {@code Idempotency-Key}, and classifies the answer. Safe to call from many threads (one
 * {@link HttpClient}, HTTP/1.1, one connection per concurrent request).
 *
 * <p>Retried here, with the same key (so a retry can never append twice): connection failures and 502/503/504
 * (3 times, backing off), 409 {@code request-in-progress} (the same key is still running on the server, e.g. after
 * a timed-out attempt) and 409 {@code concurrent-modification} (the server already retried; try again).
 */
final class CommandApi implements AutoCloseable {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String PROBLEM_PREFIX = "urn:attain:problem:";
    private static final int RETRIES = 3;
    private static final int IN_PROGRESS_RETRIES = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the server answered one command. */
    enum Status {
        /** 2xx: the command appended its event(s). */
        CREATED,
        /** 2xx with {@code Idempotent-Replayed: true}: the key's first answer again; nothing appended. */
        REPLAYED,
        /** 409 {@code duplicate}: what the command would create exists already; nothing appended. */
        DUPLICATE,
        /** Any other 4xx/5xx: the command was refused; nothing appended. */
        REJECTED,
        /** 401 or 403: the token is missing, wrong or lacks the role. */
        UNAUTHORIZED,
        /** No HTTP answer (connection refused or reset, timeout) even after retries. */
        UNREACHABLE
    }

    /** A violation from a problem document's {@code errors}. */
    record Violation(String field, String rule) {
    }

    /**
     * @param problemType the slug of the problem type ({@code urn:attain:problem:<slug>}), or the whole type
     * @param detail      the problem's detail (or the error text for UNREACHABLE)
     */
    record Answer(Status status, int httpStatus, String problemType, String detail, List<Violation> errors) {

        boolean succeeded() {
            return status == Status.CREATED || status == Status.REPLAYED || status == Status.DUPLICATE;
        }

        /** For the report, e.g. {@code HTTP 422 rule-violation: ownerRepId: rep must be active at this time}. */
        String describe() {
            if (status == Status.UNREACHABLE) {
                return "no answer from the server: " + detail;
            }
            StringBuilder text = new StringBuilder("HTTP ").append(httpStatus);
            if (problemType != null) {
                text.append(' ').append(problemType);
            }
            if (!errors.isEmpty()) {
                text.append(": ");
                for (int i = 0; i < errors.size(); i++) {
                    Violation v = errors.get(i);
                    text.append(i == 0 ? "" : "; ").append(v.field() == null ? "" : v.field() + ": ").append(v.rule());
                }
            } else if (detail != null) {
                text.append(": ").append(detail);
            }
            return text.toString();
        }
    }

    private final String server;
    private final String token;
    private final HttpClient http;
    private final ExecutorService httpExecutor;
    private final Duration timeout;

    /** @param server the server's root URL without a trailing slash, e.g. {@code http://localhost:8080} */
    CommandApi(String server, String token, Duration timeout) {
        this.server = server;
        this.token = token;
        this.timeout = timeout;
        this.httpExecutor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "crm-import-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(httpExecutor)
                .build();
    }

    /**
     * GET {@code /actuator/health}: {@code null} when the server answers (any status but 5xx, so that a
     * server without the actuator still passes), else why it cannot be used.
     */
    String probe() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                return "the server at " + server + " is not healthy: HTTP " + response.statusCode() + " "
                        + response.body();
            }
            return null;
        } catch (IOException e) {
            return "cannot connect to " + server + ": " + describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** POSTs {@code body} to {@code path} (already encoded) with the key. */
    Answer post(String path, String idempotencyKey, Map<String, Object> body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token)
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        int failures = 0;
        int inProgress = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (++failures > RETRIES) {
                    return new Answer(Status.UNREACHABLE, 0, null, describe(e), List.of());
                }
                Thread.sleep(backoff(failures));
                continue;
            }
            Answer answer = classify(response);
            int code = response.statusCode();
            if ((code == 502 || code == 503 || code == 504) && ++failures <= RETRIES) {
                Thread.sleep(backoff(failures));
                continue;
            }
            if (code == 409 && "request-in-progress".equals(answer.problemType()) && ++inProgress <= IN_PROGRESS_RETRIES) {
                Thread.sleep(250);
                continue;
            }
            if (code == 409 && "concurrent-modification".equals(answer.problemType()) && ++failures <= RETRIES) {
                Thread.sleep(backoff(failures));
                continue;
            }
            return answer;
        }
    }

    static Answer classify(HttpResponse<String> response) {
        int code = response.statusCode();
        if (code >= 200 && code < 300) {
            boolean replayed = response.headers().firstValue(REPLAYED).map("true"::equalsIgnoreCase).orElse(false);
            return new Answer(replayed ? Status.REPLAYED : Status.CREATED, code, null, null, List.of());
        }
        String type = null;
        String detail = null;
        List<Violation> errors = new ArrayList<>();
        String body = response.body();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem.isObject()) {
                    type = text(problem.get("type"));
                    if (type != null && type.startsWith(PROBLEM_PREFIX)) {
                        type = type.substring(PROBLEM_PREFIX.length());
                    }
                    detail = text(problem.get("detail"));
                    JsonNode list = problem.get("errors");
                    if (list != null && list.isArray()) {
                        for (JsonNode error : list) {
                            errors.add(new Violation(text(error.get("field")), text(error.get("rule"))));
                        }
                    }
                }
            } catch (JacksonException notJson) {
                detail = body.length() > 200 ? body.substring(0, 200) + "…" : body;
            }
        }
        Status status;
        if (code == 401 || code == 403) {
            status = Status.UNAUTHORIZED;
        } else if (code == 409 && "duplicate".equals(type)) {
            status = Status.DUPLICATE;
        } else {
            status = Status.REJECTED;
        }
        return new Answer(status, code, type, detail, List.copyOf(errors));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static long backoff(int attempt) {
        return 100L << (2 * (attempt - 1)); // 100, 400, 1600 ms
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        httpExecutor.shutdownNow();
    }
}
