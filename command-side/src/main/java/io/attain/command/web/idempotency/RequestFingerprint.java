package io.attain.command.web.idempotency;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for an {@code Idempotency-Key}: SHA-256 over the method, the path
 * (with query), the principal and the canonical body. The canonical body is the JSON with the members
 * of every object sorted by name and no insignificant whitespace, so that formatting and member order
 * do not matter; a body that is not JSON counts byte by byte.
 */
public final class RequestFingerprint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestFingerprint() {
    }

    public static String of(String method, String pathAndQuery, String principal, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{method, pathAndQuery, principal}) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            sha256.update(canonical(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            StringBuilder out = new StringBuilder();
            write(JSON.readTree(body), out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> members = sorted.entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                out.append(JSON.writeValueAsString(member.getKey())).append(':');
                write(member.getValue(), out);
                if (members.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }
}
