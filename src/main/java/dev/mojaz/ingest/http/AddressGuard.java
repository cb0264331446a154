package dev.mojaz.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which IP addresses a request may connect to. The standard guard ({@link #publicOnly()}) refuses everything that is
 * not a globally routable unicast address: loopback, private (RFC 1918), carrier-grade NAT, link-local, multicast,
 * broadcast, unspecified, unique-local and site-local IPv6, documentation and benchmarking ranges, and IPv6 forms
 * that carry an IPv4 address (mapped, compatible, NAT64, 6to4) when the IPv4 address inside is refused.
 *
 * <p>The guard only classifies; {@link GuardedDns} applies it where the address is chosen, so the address checked
 * is the address connected to.
 */
public final class AddressGuard {
    private static final AddressGuard ALLOW_ALL = new AddressGuard(false, Set.of());
    private static final AddressGuard PUBLIC_ONLY = new AddressGuard(true, Set.of());

    /** One special-purpose range: the first {@code bits} of {@code prefix}, and why it is refused. */
    private record Range(byte[] prefix, int bits, String reason) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    // IANA IPv4 Special-Purpose Address Registry, plus multicast and the reserved class E block.
    private static final List<Range> IPV4 = List.of(
            v4("255.255.255.255", 32, "broadcast"),
            v4("0.0.0.0", 8, "unspecified (\"this network\")"),
            v4("10.0.0.0", 8, "private"),
            v4("100.64.0.0", 10, "shared (carrier-grade NAT)"),
            v4("127.0.0.0", 8, "loopback"),
            v4("169.254.0.0", 16, "link-local"),
            v4("172.16.0.0", 12, "private"),
            v4("192.0.0.0", 24, "IETF protocol assignment"),
            v4("192.0.2.0", 24, "documentation"),
            v4("192.88.99.0", 24, "6to4 relay anycast"),
            v4("192.168.0.0", 16, "private"),
            v4("198.18.0.0", 15, "benchmarking"),
            v4("198.51.100.0", 24, "documentation"),
            v4("203.0.113.0", 24, "documentation"),
            v4("224.0.0.0", 4, "multicast"),
            v4("240.0.0.0", 4, "reserved"));

    // IPv6: everything outside 2000::/3 is refused below; these are the special ranges inside it, and the named
    // ranges outside it (for a precise reason).
    private static final List<Range> IPV6 = List.of(
            v6("::1", 128, "loopback"),
            v6("::", 128, "unspecified"),
            v6("fc00::", 7, "unique-local"),
            v6("fe80::", 10, "link-local"),
            v6("fec0::", 10, "site-local"),
            v6("ff00::", 8, "multicast"),
            v6("64:ff9b:1::", 48, "local-use NAT64"),
            v6("100::", 64, "discard-only"),
            v6("2001:db8::", 32, "documentation"),
            v6("3fff::", 20, "documentation"),
            v6("2001::", 23, "IETF special-purpose (Teredo, benchmarking, ORCHID)"),
            v6("5f00::", 16, "segment-routing"));

    private final boolean refuseSpecial;
    private final Set<InetAddress> exceptions;

    private AddressGuard(boolean refuseSpecial, Set<InetAddress> exceptions) {
        this.refuseSpecial = refuseSpecial;
        this.exceptions = Set.copyOf(exceptions);
    }

    /** Refuses every address that is not globally routable unicast: the guard for links people send. */
    public static AddressGuard publicOnly() {
        return PUBLIC_ONLY;
    }

    /** Refuses nothing: for tests and self-hosting ({@code fetch.allow-private-addresses: true}). */
    public static AddressGuard allowingAll() {
        return ALLOW_ALL;
    }

    /** The guard {@code fetch.allow-private-addresses} asks for. */
    public static AddressGuard forConfig(boolean allowPrivateAddresses) {
        return allowPrivateAddresses ? ALLOW_ALL : PUBLIC_ONLY;
    }

    /**
     * This guard, but letting these exact addresses through: lets tests run a local server while the rest of the
     * policy stays in force (a redirect to another loopback address is still refused).
     */
    public AddressGuard except(InetAddress... allowed) {
        return new AddressGuard(refuseSpecial, Set.of(allowed));
    }

    /** Whether this guard refuses anything at all. */
    public boolean refusesSpecialAddresses() {
        return refuseSpecial;
    }

    /** Why {@code address} may not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (!refuseSpecial || exceptions.contains(address)) {
            return Optional.empty();
        }
        return classify(address).map(kind -> kind + " address " + address.getHostAddress());
    }

    /** The special-purpose kind of {@code address} ("loopback", "private", …), or empty for a public address. */
    public static Optional<String> classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(bytes);
        }
        return Optional.of("unknown kind of");
    }

    private static Optional<String> classifyV4(byte[] bytes) {
        for (Range range : IPV4) {
            if (range.contains(bytes)) {
                return Optional.of(range.reason());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> classifyV6(byte[] bytes) {
        // Forms that carry an IPv4 address: judge the address inside.
        if (isZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
            return embedded("IPv4-mapped", bytes, 12);
        }
        if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && isZero(bytes, 4, 12)) {
            return embedded("NAT64", bytes, 12);
        }
        if (startsWith(bytes, 0x20, 0x02)) {
            return embedded("6to4", bytes, 2);
        }
        for (Range range : IPV6) {
            if (range.contains(bytes)) {
                return Optional.of(range.reason());
            }
        }
        if (isZero(bytes, 0, 12)) {
            return Optional.of("IPv4-compatible (deprecated)");
        }
        if ((bytes[0] & 0xE0) != 0x20) {
            return Optional.of("non-global IPv6");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String form, byte[] bytes, int offset) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, offset, v4, 0, 4);
        return classifyV4(v4).map(kind -> form + " " + kind);
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Range v4(String address, int bits, String reason) {
        return new Range(literal(address), bits, reason);
    }

    private static Range v6(String address, int bits, String reason) {
        return new Range(literal(address), bits, reason);
    }

    /** Parses a literal address (never a DNS lookup: getByName does not resolve literals). */
    private static byte[] literal(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (address.contains(":") && bytes.length == 4) {
                throw new IllegalStateException("IPv6 range " + address + " parsed as IPv4");
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
