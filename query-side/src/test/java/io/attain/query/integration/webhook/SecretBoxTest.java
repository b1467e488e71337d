package io.attain.query.integration.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void withAKeyTheStoredFormNeitherContainsTheSecretNorRepeats() {
        SecretBox box = SecretBox.of(KEY);
        String secret = WebhookSigner.newSecret();

        String a = box.seal(secret);
        String b = box.seal(secret);

        assertThat(a).startsWith("gcm:").doesNotContain(secret.substring(6)).isNotEqualTo(b);
        assertThat(box.open(a)).isEqualTo(secret);
        assertThat(box.open(b)).isEqualTo(secret);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = SecretBox.of(KEY).seal("whsec_abc");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> SecretBox.of(Base64.getEncoder().encodeToString(other)).open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.of(null).open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyItIsKeptAsGiven() {
        SecretBox box = SecretBox.of(" ");
        assertThat(box.sealing()).isFalse();
        assertThat(box.open(box.seal("whsec_abc"))).isEqualTo("whsec_abc");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> SecretBox.of(Base64.getEncoder().encodeToString(new byte[10])))
                .hasMessageContaining("attain.webhooks.secret-key");
    }
}
