package io.attain.standalone.http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses close their connection (keep-alive is off by default, see {@code CloseConnectionOnUnreadBody}), so no
 * request waits on a connection Reactor Netty stopped reading — also a request answered before its body was sent.
 */
@HttpApiTest
class KeepAliveIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusalBeforeTheBodyWasSentClosesTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            // the head only: the server refuses before the body arrives
            out.write(("POST /api/v1/regions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 30\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String head = head(socket.getInputStream());

            assertThat(head).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
            // the server closes: after the problem body, the stream ends
            assertThat(drain(socket.getInputStream())).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void anAnsweredRequestClosesItsConnectionToo() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String body = "{\"name\":\"Keep-alive region\",\"managerId\":\"m\"}";
            String request = "POST /api/v1/regions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Tokens.ADMIN + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = head(in);
            skipBody(in, first);

            assertThat(first).startsWith("HTTP/1.1 201").containsIgnoringCase("connection: close");
            assertThat(in.read()).as("closed by the server").isEqualTo(-1);
        }
    }

    /** The response head, up to the empty line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Reads until the server closes the connection; returns the bytes read (fails by timeout if it never does). */
    private static int drain(InputStream in) throws IOException {
        int count = 0;
        while (in.read() >= 0) {
            count++;
        }
        return count;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        String length = head.lines().filter(l -> l.toLowerCase().startsWith("content-length:")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElseThrow();
        in.readNBytes(Integer.parseInt(length));
    }
}
