package io.attain.command.web.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static String of(String method, String path, String principal, String body) {
        return RequestFingerprint.of(method, path, principal, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void memberOrderAndWhitespaceDoNotMatter() {
        assertThat(of("POST", "/api/v1/deals", "anna", "{\"a\":1,\"b\":{\"y\":[1,2],\"x\":\"t\"}}"))
                .isEqualTo(of("POST", "/api/v1/deals", "anna", " { \"b\" : { \"x\":\"t\", \"y\":[ 1, 2 ] },\n\"a\":1 } "));
    }

    @Test
    void valuesArrayOrderMethodPathAndPrincipalDo() {
        String base = of("POST", "/api/v1/deals", "anna", "{\"a\":[1,2]}");
        assertThat(of("POST", "/api/v1/deals", "anna", "{\"a\":[2,1]}")).isNotEqualTo(base);
        assertThat(of("POST", "/api/v1/deals", "anna", "{\"a\":[1,2],\"b\":null}")).isNotEqualTo(base);
        assertThat(of("PUT", "/api/v1/deals", "anna", "{\"a\":[1,2]}")).isNotEqualTo(base);
        assertThat(of("POST", "/api/v1/teams", "anna", "{\"a\":[1,2]}")).isNotEqualTo(base);
        assertThat(of("POST", "/api/v1/deals", "boris", "{\"a\":[1,2]}")).isNotEqualTo(base);
    }

    @Test
    void partsCannotBeShiftedIntoEachOther() {
        assertThat(of("POST", "/a", "bc", "{}")).isNotEqualTo(of("POST", "/ab", "c", "{}"));
    }

    @Test
    void aBodyThatIsNotJsonCountsByteByByte() {
        assertThat(of("POST", "/x", "p", "{broken")).isEqualTo(of("POST", "/x", "p", "{broken"))
                .isNotEqualTo(of("POST", "/x", "p", "{broken "));
        assertThat(RequestFingerprint.canonical(new byte[0])).isEmpty();
    }
}
