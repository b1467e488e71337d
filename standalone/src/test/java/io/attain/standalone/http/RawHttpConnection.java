package io.attain.standalone.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection on a plain socket, so a test controls exactly what goes on the wire and sees
 * whether the server keeps the connection open: requests are written by hand, responses read with their
 * {@code Content-Length} or chunked body. A response that does not arrive in time fails the read.
 */
final class RawHttpConnection implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttpConnection(int port, Duration answerWithin) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) answerWithin.toMillis());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends a request with the given headers (and a body when not null) and reads its response. */
    Response exchange(String method, String path, Map<String, String> headers, String body) throws IOException {
        send(method, path, headers, body);
        return read();
    }

    void send(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        writeHead(method, path, headers, bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
        out.flush();
    }

    /** Only the request's head, announcing a body of {@code contentLength} bytes that {@link #sendBody} sends. */
    void sendHead(String method, String path, Map<String, String> headers, int contentLength) throws IOException {
        writeHead(method, path, headers, contentLength);
        out.flush();
    }

    void sendBody(String body) throws IOException {
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void writeHead(String method, String path, Map<String, String> headers, int contentLength)
            throws IOException {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (contentLength >= 0) {
            request.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    }

    Response read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the server closed the connection");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                chunks.write(in.readNBytes(size));
                line();
            }
            line();
            body = chunks.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server closed its side: the next read ends the stream. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
