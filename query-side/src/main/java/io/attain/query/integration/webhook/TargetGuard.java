package io.attain.query.integration.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses webhook targets a server should not call on a client's behalf (SSRF): only {@code http} and {@code https}
 * URLs with a host; every address the host resolves to must be public — not loopback, link-local, private (RFC 1918,
 * and the shared address space 100.64.0.0/10), unique-local ({@code fc00::/7}), multicast, unspecified, or an
 * IPv4-mapped or -compatible IPv6 form of one of these. {@code attain.webhooks.allow-private-targets=true} (tests,
 * a private deployment) lets any resolvable address through, never another scheme.
 *
 * <p>The check runs at registration and again before every delivery (the name may resolve elsewhere by then).
 */
public final class TargetGuard {

    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL may not be a webhook target, or empty if it may (blocking: resolves the host). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
        if (addresses.length == 0) {
            return Optional.of("host does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                return Optional.of("must not resolve to a " + kind.get() + " address (" + address.getHostAddress()
                                   + "); attain.webhooks.allow-private-targets=true allows it");
            }
        }
        return Optional.empty();
    }

    /** The class of a non-public address: loopback, link-local, private, unique-local, multicast, unspecified. */
    public static Optional<String> forbiddenKind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<InetAddress> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return forbiddenKind(embedded.get());
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("private");
            }
            if (first >= 240) {
                return Optional.of("private");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or -compatible ({@code ::a.b.c.d}) one. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0;
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        if (compatible && b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1)) {
            return Optional.empty(); // :: and ::1 are the IPv6 unspecified and loopback addresses, handled above
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
