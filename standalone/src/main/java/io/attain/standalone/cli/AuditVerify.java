package io.attain.standalone.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java -jar attain.jar verify --server <url>}: asks a running Attain to recompute every commission statement
 * from the log, compare it with the read model and recompute every seal from the stored events
 * ({@code GET /api/v1/audit/verify}, token of an ADMIN or AUDITOR in {@code ATTAIN_TOKEN}), and prints the result.
 * A plain command-line program: no Spring context.
 *
 * <p>Exit status: 0 no differences, 1 differences found, 2 usage or connection error, token refused, or no answer.
 */
public final class AuditVerify {

    public static final int OK = 0;
    public static final int DIFFERENCES = 1;
    public static final int USAGE_OR_CONNECTION = 2;
    static final String TOKEN_ENV = "ATTAIN_TOKEN";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String USAGE = """
            usage: java -jar attain.jar verify --server <url> [--json]

              --server <url>  root URL of a running Attain, e.g. http://localhost:8080
              --json          print the server's answer as it is

            Recomputes every commission statement from the event log and compares it with the stored read model,
            and recomputes the seal of every locked statement from the stored events (docs/adr/0006).
            The bearer token (of an ADMIN or AUDITOR) is read from the environment variable ATTAIN_TOKEN.
            Exit status: 0 no differences, 1 differences, 2 usage or connection error or token refused.""";

    private AuditVerify() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs {@code verify} with the arguments after it; returns the exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String server = null;
        boolean raw = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return OK;
            } else if (arg.equals("--json")) {
                raw = true;
            } else if (arg.startsWith("--server=")) {
                server = arg.substring("--server=".length());
            } else if (arg.equals("--server") && i + 1 < args.length) {
                server = args[++i];
            } else {
                err.println("attain verify: unexpected argument " + arg);
                err.println(USAGE);
                return USAGE_OR_CONNECTION;
            }
        }
        if (server == null) {
            err.println("attain verify: --server <url> is required");
            err.println(USAGE);
            return USAGE_OR_CONNECTION;
        }
        try {
            server = CrmImport.Options.serverUrl(server);
        } catch (IllegalArgumentException e) {
            err.println("attain verify: " + e.getMessage());
            return USAGE_OR_CONNECTION;
        }
        String token = environment.get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            err.println("attain verify: set the environment variable " + TOKEN_ENV
                    + " to an ADMIN or AUDITOR bearer token of the server");
            return USAGE_OR_CONNECTION;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                    .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/v1/audit/verify"))
                                         .header("Authorization", "Bearer " + token.strip())
                                         .header("Accept", "application/json, application/problem+json")
                                         .timeout(Duration.ofMinutes(30)).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            err.println("attain verify: cannot connect to " + server + ": connection refused");
            return USAGE_OR_CONNECTION;
        } catch (IOException e) {
            err.println("attain verify: no answer from " + server + ": " + e);
            return USAGE_OR_CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("attain verify: interrupted");
            return USAGE_OR_CONNECTION;
        }
        JsonNode body = null;
        try {
            body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            body = null;
        }
        if (response.statusCode() != 200 || body == null || body.get("differences") == null) {
            String detail = body != null && body.get("detail") != null ? " " + body.get("detail").asString() : "";
            err.println("attain verify: HTTP " + response.statusCode() + detail);
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                err.println("attain verify: the token in " + TOKEN_ENV + " was refused (ADMIN or AUDITOR needed)");
            }
            return USAGE_OR_CONNECTION;
        }
        JsonNode differences = body.get("differences");
        if (raw) {
            out.println(response.body());
        } else {
            out.printf("checked %d statements and %d seals up to position %d in %d ms: %d difference%s%s%n",
                       body.path("checked").asLong(), body.path("sealsChecked").asLong(),
                       body.path("headPosition").asLong(), body.path("durationMs").asLong(), differences.size(),
                       differences.size() == 1 ? "" : "s",
                       body.path("truncated").asBoolean() ? " (list truncated)" : "");
            for (JsonNode d : differences) {
                String at = d.hasNonNull("position")
                        ? "  [event at position " + d.get("position").asLong() + ", id " + d.path("eventId").asString() + "]"
                        : "";
                out.printf("%s  %s: expected %s, actual %s%s%n", d.path("statementId").asString(),
                           d.path("field").asString(), text(d.get("expected")), text(d.get("actual")), at);
            }
        }
        return differences.isEmpty() ? OK : DIFFERENCES;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "(none)" : node.asString();
    }
}
