package io.attain.standalone.query;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local webhook receiver (JDK {@code HttpServer}): answers each request with the status its behaviour gives for
 * the event's position (the CloudEvent's {@code sequence}), and records the requests and the positions it answered
 * 2xx.
 */
final class Receiver implements AutoCloseable {

    static final String INTEGRATOR = "it-webhook-integrator-token";
    static final String INTEGRATOR_DEALS = "it-webhook-integrator-deals-token";
    static final String FINANCE = "it-webhook-finance-token";

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":\"(\\d{20})\"");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    record Request(String id, long timestamp, String signature, String contentType, byte[] body, long position,
                   String type, String bodyId) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private volatile LongUnaryOperator behaviour = position -> 204;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String json = new String(body, StandardCharsets.UTF_8);
            Matcher sequence = SEQUENCE.matcher(json);
            Matcher type = TYPE.matcher(json);
            Matcher id = ID.matcher(json);
            long position = sequence.find() ? Long.parseLong(sequence.group(1)) : -1;
            requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                                     Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                                     exchange.getRequestHeaders().getFirst("webhook-signature"),
                                     exchange.getRequestHeaders().getFirst("Content-Type"), body, position,
                                     type.find() ? type.group(1) : null, id.find() ? id.group(1) : null));
            int status = (int) behaviour.applyAsLong(position);
            if (status >= 200 && status < 300) {
                acknowledged.add(position);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(LongUnaryOperator behaviour) {
        this.behaviour = behaviour;
    }

    List<Request> requests() {
        return requests;
    }

    List<Long> received() {
        return requests.stream().map(Request::position).toList();
    }

    List<Long> acknowledged() {
        return List.copyOf(acknowledged);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
