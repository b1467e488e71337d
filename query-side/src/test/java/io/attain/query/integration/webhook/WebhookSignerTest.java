package io.attain.query.integration.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signer against the Standard Webhooks specification's published example (the reference libraries' test
 * vector: secret {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, id {@code msg_p5jXN8AQM9LWM0D4loKWxJek}, timestamp
 * 1614265330, body {@code {"test": 2432232314}}).
 */
class WebhookSignerTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsExampleVector() {
        assertThat(WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void aSecretWithoutItsPrefixSignsTheSame() {
        assertThat(WebhookSigner.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesTheExampleAndRefusesAnyChange() {
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, EXPECTED)).isTrue();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP + 1, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, ID + "x", TIMESTAMP, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP,
                                        "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, "v2," + EXPECTED.substring(3))).isFalse();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        String next = WebhookSigner.newSecret();
        String header = WebhookSigner.signatureHeader(List.of(SECRET, next), ID, TIMESTAMP, BODY);

        assertThat(header.split(" ")).hasSize(2).startsWith(EXPECTED);
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSigner.verify(next, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSigner.verify(WebhookSigner.newSecret(), ID, TIMESTAMP, BODY, header)).isFalse();
        // the specification's multi-signature example: unknown versions and wrong signatures around a valid one
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY,
                                        "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc " + EXPECTED)).isTrue();
    }

    @Test
    void newSecretsAreWhsecAndThirtyTwoRandomBytes() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    }
}
