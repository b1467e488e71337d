package io.attain.query.integration.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Signatures per the Standard Webhooks specification (symmetric scheme): the secret is {@code whsec_} + base64 of
 * random bytes; the signature of a message is {@code v1,} + base64(HMAC-SHA256(secret bytes,
 * {@code <webhook-id>.<webhook-timestamp>.<body>})); the {@code webhook-signature} header lists one signature per
 * secret in force, separated by spaces (during a rotation the old and the new secret both sign).
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    /** Bytes of a new secret (the specification asks for 24 to 64). */
    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new random secret, {@code whsec_} + base64 of 32 bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a secret, with or without the {@code whsec_} prefix. */
    static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** {@code v1,<base64 signature>} of the message {@code id.timestamp.body} under the secret. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, space-separated. */
    public static String signatureHeader(List<String> secrets, String id, long timestamp, byte[] body) {
        List<String> signatures = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            signatures.add(sign(secret, id, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    /**
     * Whether one of the {@code v1} signatures of the header is the signature of the message under the secret
     * (constant-time comparison). The timestamp's freshness is the receiver's check.
     */
    public static boolean verify(String secret, String id, long timestamp, byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (candidate.startsWith(VERSION + ",")
                    && MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                found = true;
            }
        }
        return found;
    }
}
