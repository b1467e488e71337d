import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example consumer of Attain's webhooks, JDK only: {@code java WebhookConsumer.java --secret whsec_… [--port 9000]
 * [--state consumer.position] [--log handled.log]}.
 * <ul>
 *     <li>verifies the Standard Webhooks signature ({@code webhook-id}, {@code webhook-timestamp},
 *     {@code webhook-signature}: HMAC-SHA256 over {@code id.timestamp.body}, any one of the space-separated
 *     {@code v1,} signatures — during a secret rotation there are two) over the raw body, never re-serialised, and
 *     refuses timestamps more than 5 minutes off (401 / 400);</li>
 *     <li>keeps one number, the last position it handled, in the state file (written atomically before it answers
 *     2xx): Attain delivers in position order, so an event at or below it is a duplicate (a retry, a replay) and is
 *     acknowledged without being handled again;</li>
 *     <li>after a restart it reads the state file and goes on from there (and from the output log, which a crash
 *     between handling an event and storing its position may have left one event ahead).</li>
 * </ul>
 * "Handling" here appends {@code position type id} to the log file (stdout without one). Replace {@link #handle}.
 */
public class WebhookConsumer {

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*\"(\\d{20})\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final long TOLERANCE_SECONDS = 300;

    private final byte[] key;
    private final Path state;
    private final Path log;
    private long lastPosition;

    WebhookConsumer(String secret, Path state, Path log) throws IOException {
        this.key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        this.state = state;
        this.log = log;
        long stored = Files.exists(state) ? Long.parseLong(Files.readString(state).trim()) : 0;
        // Handling and storing the position must commit together. Here they are two files, so a crash between them
        // is repaired at start: the output already holds the events handled after the stored position.
        this.lastPosition = Math.max(stored, lastHandled(log));
    }

    /** The position of the last complete line of the output log (0 without one). */
    private static long lastHandled(Path log) throws IOException {
        long last = 0;
        if (log != null && Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                if (parts.length >= 3 && parts[0].matches("\\d+")) {
                    last = Math.max(last, Long.parseLong(parts[0]));
                }
            }
        }
        return last;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String secret = options.getOrDefault("secret", System.getenv("WEBHOOK_SECRET"));
        if (secret == null) {
            System.err.println("usage: java WebhookConsumer.java --secret whsec_... [--port 9000] [--state file] [--log file]");
            System.exit(2);
        }
        WebhookConsumer consumer = new WebhookConsumer(secret, Path.of(options.getOrDefault("state", "consumer.position")),
                                                       options.containsKey("log") ? Path.of(options.get("log")) : null);
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(options.getOrDefault("port", "9000"))), 0);
        server.createContext("/", consumer::receive);
        server.start();
        System.out.println("listening on " + server.getAddress().getPort() + ", last position " + consumer.lastPosition);
        System.out.flush();
    }

    private synchronized void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signatures == null || !verified(id, timestamp, body, signatures)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String json = new String(body, StandardCharsets.UTF_8);
            Matcher sequence = SEQUENCE.matcher(json);
            if (!sequence.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            long position = Long.parseLong(sequence.group(1));
            if (position > lastPosition) {
                Matcher type = TYPE.matcher(json);
                handle(position, type.find() ? type.group(1) : "?", id, json);
                store(position);
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** What the consumer does with an event (here: one line per event). */
    private void handle(long position, String type, String id, String cloudEvent) throws IOException {
        String line = position + " " + type + " " + id + System.lineSeparator();
        if (log == null) {
            System.out.print(line);
        } else {
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Writes the last handled position durably (temp file, fsync, atomic rename). */
    private void store(long position) throws IOException {
        Path temp = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(temp, Long.toString(position), StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lastPosition = position;
    }

    private boolean verified(String id, String timestamp, byte[] body, String signatures) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
            boolean ok = false;
            for (String candidate : signatures.trim().split(" +")) {
                ok |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
            return ok;
        } catch (Exception e) {
            return false;
        }
    }
}
