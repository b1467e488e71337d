package io.attain.query.integration.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class TargetGuardTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.1.2.3, loopback", "::1, loopback",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "100.64.0.1, private", "240.0.0.1, private",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "224.0.0.1, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, unspecified",
            "::ffff:127.0.0.1, loopback", "::ffff:10.1.1.1, private", "::ffff:169.254.169.254, link-local"})
    void nonPublicAddressesAreRefusedByClass(String address, String kind) throws UnknownHostException {
        assertThat(TargetGuard.forbiddenKind(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                            "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(TargetGuard.forbiddenKind(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void everyResolvedAddressIsCheckedByDefault() {
        TargetGuard guard = new TargetGuard(false, host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});

        assertThat(guard.refusal("https://rebinding.example/hook")).hasValueSatisfying(
                reason -> assertThat(reason).contains("private").contains("10.0.0.7"));
    }

    @Test
    void loopbackIsRefusedByDefaultAndAllowedWhenConfigured() {
        assertThat(new TargetGuard(false).refusal("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(new TargetGuard(false).refusal("http://[::1]:8080/hook")).isPresent();
        assertThat(new TargetGuard(false).refusal("http://localhost:8080/hook")).isPresent();
        assertThat(new TargetGuard(true).refusal("http://127.0.0.1:8080/hook")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndWithoutCredentials() {
        TargetGuard open = new TargetGuard(true, host -> new InetAddress[]{InetAddress.getByName("93.184.216.34")});

        assertThat(open.refusal("ftp://example.com/x")).isPresent();
        assertThat(open.refusal("file:///etc/passwd")).isPresent();
        assertThat(open.refusal("/relative")).isPresent();
        assertThat(open.refusal("https://user:pw@example.com/x")).isPresent();
        assertThat(open.refusal("not a url")).isPresent();
        assertThat(open.refusal("https://example.com/x")).isEmpty();
        assertThat(open.refusal("HTTP://example.com/x")).isEmpty();
    }

    @Test
    void anUnresolvableHostIsRefused() {
        TargetGuard guard = new TargetGuard(true, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(guard.refusal("https://nowhere.invalid/")).contains("host does not resolve");
    }
}
