package io.attain.query.integration.webhook;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * How signing secrets are kept in MongoDB: with {@code attain.webhooks.secret-key} (base64 of 16, 24 or 32 bytes)
 * sealed with AES-GCM ({@code gcm:<base64 nonce+ciphertext>}); without a key as given ({@code plain:…}). Either
 * way a secret is returned to its owner only once, when it is created, and never logged or put in an event.
 */
public final class SecretBox {

    private static final String GCM = "gcm:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(SecretKeySpec key) {
        this.key = key;
    }

    /** {@code base64Key} null or blank: secrets are stored unsealed. */
    public static SecretBox of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return new SecretBox(null);
        }
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("attain.webhooks.secret-key: must be base64 of 16, 24 or 32 bytes");
        }
        return new SecretBox(new SecretKeySpec(bytes, "AES"));
    }

    public boolean sealing() {
        return key != null;
    }

    public String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return GCM + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    public String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(GCM)) {
            throw new IllegalStateException("unknown webhook secret format");
        }
        if (key == null) {
            throw new IllegalStateException("a webhook secret is sealed but attain.webhooks.secret-key is not set");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(GCM.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a webhook secret (wrong attain.webhooks.secret-key?)", e);
        }
    }
}
