package io.attain.standalone.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar attain.jar rebuild <name|all> --server <url>}: rebuilds one projection (or all) of a running
 * Attain without downtime through its admin API, with the bearer token (an ADMIN's) from {@code ATTAIN_TOKEN}, and
 * prints the progress until the rebuilt generation is active. A plain command-line program: no Spring context.
 * Progress and the result go to stdout, errors to stderr.
 *
 * <p>Exit status: 0 every rebuild finished (switched), 1 refused (409: a rebuild of it is already running; 404: no
 * such projection), abandoned or not finished within {@code --timeout}, 2 usage or connection error, or the token
 * was refused.
 */
public final class ProjectionRebuild {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_OR_CONNECTION = 2;
    static final String TOKEN_ENV = "ATTAIN_TOKEN";
    private static final String BASE = "/api/v1/admin/projections";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String USAGE = """
            usage: java -jar attain.jar rebuild <name|all> --server <url> [--interval <seconds>] [--timeout <seconds>]
                                               [--no-wait]

              <name|all>      a projection (funnel, leaderboards, attainment, scorecards, deal-timeline,
                              statements) or all
              --server <url>  root URL of a running Attain, e.g. http://localhost:8080
              --interval      seconds between progress lines (default 1)
              --timeout       seconds to wait for the rebuild to finish (default 3600)
              --no-wait       start the rebuild and exit (0) without following it

            The bearer token (of an ADMIN) is read from the environment variable ATTAIN_TOKEN.
            Queries keep answering from the current read model during the rebuild; the rebuilt one replaces it
            when it has caught up with the log. Exit status: 0 rebuilt, 1 refused (already running, unknown
            projection), abandoned or timed out, 2 usage or connection error or token refused.
            See docs/rebuild.md.""";

    /** The parsed command line. */
    record Options(String projection, String server, Duration interval, Duration timeout, boolean follow) {

        /** @return {@code null} for {@code --help} */
        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String server = null;
            Duration interval = Duration.ofSeconds(1);
            Duration timeout = Duration.ofHours(1);
            boolean wait = true;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                if (arg.startsWith("--") && arg.contains("=")) {
                    name = arg.substring(0, arg.indexOf('='));
                    value = arg.substring(arg.indexOf('=') + 1);
                }
                switch (name) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--no-wait" -> wait = false;
                    case "--server", "--interval", "--timeout" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--server" -> server = value;
                            case "--interval" -> interval = seconds(name, value, 3600);
                            default -> timeout = seconds(name, value, 7 * 24 * 3600);
                        }
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        positional.add(arg);
                    }
                }
            }
            if (positional.size() != 1) {
                throw new IllegalArgumentException(positional.isEmpty() ? "which projection? (a name or all)"
                        : "unexpected argument " + positional.get(1));
            }
            if (server == null) {
                throw new IllegalArgumentException("--server <url> is required");
            }
            return new Options(positional.get(0), CrmImport.Options.serverUrl(server), interval, timeout, wait);
        }

        private static Duration seconds(String name, String value, int max) {
            try {
                double s = Double.parseDouble(value);
                if (s > 0 && s <= max) {
                    return Duration.ofMillis(Math.round(s * 1000));
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a number of seconds above 0 and at most " + max
                    + ", was " + value);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(10)).build();
    private String server;
    private String token;

    private ProjectionRebuild(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The command line: exits with the rebuild's status. */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Runs {@code rebuild} with the arguments after it ({@code <name|all> --server <url> …}).
     *
     * @return the exit status
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("attain rebuild: " + e.getMessage());
            err.println(USAGE);
            return USAGE_OR_CONNECTION;
        }
        if (options == null) {
            out.println(USAGE);
            return OK;
        }
        String token = environment.get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            err.println("attain rebuild: set the environment variable " + TOKEN_ENV + " to an ADMIN bearer token of "
                    + "the server (e.g. its bootstrap admin token)");
            return USAGE_OR_CONNECTION;
        }
        ProjectionRebuild rebuild = new ProjectionRebuild(out, err);
        rebuild.server = options.server();
        rebuild.token = token.strip();
        try {
            return rebuild.rebuild(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("attain rebuild: interrupted");
            return FAILED;
        }
    }

    private record Answer(int status, JsonNode body, String error) {
    }

    private Answer send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest built = request.header("Authorization", "Bearer " + token)
                                   .header("Accept", "application/json, application/problem+json")
                                   .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            if (response.body() != null && !response.body().isBlank()) {
                try {
                    body = JSON.readTree(response.body());
                } catch (JacksonException notJson) {
                    body = null;
                }
            }
            return new Answer(response.statusCode(), body, null);
        } catch (ConnectException e) {
            return new Answer(0, null, "cannot connect to " + server + ": connection refused");
        } catch (IOException e) {
            return new Answer(0, null, "no answer from " + server + ": " + e);
        }
    }

    private int refused(String what, Answer answer) {
        if (answer.status() == 0) {
            err.println("attain rebuild: " + answer.error());
            return USAGE_OR_CONNECTION;
        }
        String detail = answer.body() != null && answer.body().get("detail") != null
                ? answer.body().get("detail").asString() : "";
        err.println("attain rebuild: " + what + ": HTTP " + answer.status() + (detail.isEmpty() ? "" : " " + detail));
        if (answer.status() == 401 || answer.status() == 403) {
            err.println("attain rebuild: the token in " + TOKEN_ENV + " was refused (an ADMIN token is needed)");
            return USAGE_OR_CONNECTION;
        }
        return FAILED;
    }

    private int rebuild(Options options) throws InterruptedException {
        String name = URLEncoder.encode(options.projection(), StandardCharsets.UTF_8);
        Answer started = send(HttpRequest.newBuilder(URI.create(server + BASE + "/" + name + "/rebuild"))
                                         .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.status() != 202 || started.body() == null) {
            return refused("rebuild of " + options.projection() + " refused", started);
        }
        String id = started.body().get("rebuildId").asString();
        Map<String, Integer> generations = new LinkedHashMap<>();
        started.body().get("generations").properties()
               .forEach(e -> generations.put(e.getKey(), e.getValue().asInt()));
        out.printf("rebuild %s started: %s into generation %s; head of the log at position %d%n", id,
                   String.join(", ", generations.keySet()),
                   generations.values().stream().distinct().map(String::valueOf)
                              .reduce((a, b) -> a + "/" + b).orElse("?"),
                   started.body().get("headAtStart").asLong());
        if (!options.follow()) {
            return OK;
        }
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Map<String, String> lastLine = new LinkedHashMap<>();
        Map<String, Boolean> done = new LinkedHashMap<>();
        while (true) {
            Answer status = send(HttpRequest.newBuilder(URI.create(server + BASE)).GET());
            if (status.status() != 200 || status.body() == null) {
                return refused("status", status);
            }
            for (JsonNode projection : status.body().get("projections")) {
                String projectionName = projection.get("name").asString();
                if (!generations.containsKey(projectionName) || done.containsKey(projectionName)) {
                    continue;
                }
                JsonNode running = projection.get("rebuild");
                JsonNode last = projection.get("lastRebuild");
                if (running != null && !running.isNull() && id.equals(running.get("id").asString())) {
                    String line = String.format(Locale.ROOT, "%s: %5.1f%%  position %d of %d, %d events, %.0f events/s",
                                                projectionName, running.get("percent").asDouble(),
                                                running.get("position").asLong(), running.get("headAtStart").asLong(),
                                                running.get("eventsProcessed").asLong(),
                                                running.get("eventsPerSecond").asDouble());
                    if (!line.equals(lastLine.get(projectionName))) {
                        out.println(line);
                        lastLine.put(projectionName, line);
                    }
                } else if (last != null && !last.isNull() && id.equals(last.get("id").asString())) {
                    out.printf(Locale.ROOT, "%s: done, generation %d active (%d events, %.0f events/s, %s to %s)%n",
                               projectionName, last.get("generation").asInt(), last.get("eventsProcessed").asLong(),
                               last.get("eventsPerSecond").asDouble(), last.get("startedAt").asString(),
                               last.get("finishedAt").asString());
                    done.put(projectionName, true);
                } else {
                    err.println("attain rebuild: the rebuild of " + projectionName + " was abandoned");
                    done.put(projectionName, false);
                }
            }
            if (done.size() == generations.size()) {
                boolean all = done.values().stream().allMatch(Boolean::booleanValue);
                out.println(all ? "rebuild " + id + " finished" : "rebuild " + id + " did not finish");
                return all ? OK : FAILED;
            }
            if (System.nanoTime() > deadline) {
                err.println("attain rebuild: not finished after " + options.timeout().toSeconds()
                        + " s; it continues on the server");
                return FAILED;
            }
            Thread.sleep(options.interval().toMillis());
        }
    }
}
