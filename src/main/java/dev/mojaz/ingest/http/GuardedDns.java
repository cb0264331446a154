package dev.mojaz.ingest.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Dns;

/**
 * The resolver OkHttp connects through: it resolves a host once, refuses it when any of its addresses is refused by
 * the {@link AddressGuard}, and hands OkHttp exactly the addresses it checked. Because the connection is made to
 * those addresses, DNS rebinding (a name that answers a public address to the check and a private one to the
 * connection) has no second lookup to exploit.
 *
 * <p>OkHttp does not call a {@code Dns} for IP literals in a URL, so {@link #checkLiteral} judges those before each
 * request; between the two every host is checked.
 */
final class GuardedDns implements Dns {
    private final AddressGuard guard;
    private final HostResolver resolver;

    GuardedDns(AddressGuard guard, HostResolver resolver) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Why a URL's host (as OkHttp canonicalised it: IDN mapped, IPv6 without brackets, IPv4-mapped IPv6 folded to
     * IPv4) may not be requested, judged without DNS; empty when it is a name for {@link #lookup} or an allowed
     * literal.
     */
    Optional<String> checkLiteral(String host) {
        if (host.contains(":")) {
            try {
                return guard.refusal(InetAddress.getByName(host)); // an IPv6 literal: parsed, never looked up
            } catch (UnknownHostException e) {
                return Optional.of("malformed IPv6 address " + host);
            }
        }
        NumericHost.Parsed parsed = NumericHost.parse(host);
        return switch (parsed.kind()) {
            case NAME -> Optional.empty();
            case MALFORMED -> guard.refusesSpecialAddresses()
                    ? Optional.of("malformed numeric host " + host) : Optional.empty();
            case NUMERIC -> numeric(host, parsed);
        };
    }

    private Optional<String> numeric(String host, NumericHost.Parsed parsed) {
        Optional<String> refusal = guard.refusal(parsed.address());
        if (refusal.isPresent()) {
            return refusal.map(r -> parsed.canonical() ? r : r + " (written as " + host + ")");
        }
        if (!parsed.canonical() && guard.refusesSpecialAddresses()) {
            // Readers disagree on forms like 010.0.0.1 (Java: 10.0.0.1, inet_aton: 8.0.0.1); refuse rather than guess.
            return Optional.of("numeric host " + host + " is not in dotted-decimal form");
        }
        return Optional.empty();
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        Optional<String> literal = checkLiteral(host);
        if (literal.isPresent()) {
            throw new BlockedAddressException(literal.get());
        }
        if (host.contains(":")) {
            return List.of(InetAddress.getByName(host)); // an IPv6 literal already judged above
        }
        NumericHost.Parsed parsed = NumericHost.parse(host);
        if (parsed.kind() == NumericHost.Kind.NUMERIC) {
            return List.of(parsed.address());
        }
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException("no address for " + host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = guard.refusal(address);
            if (refusal.isPresent()) {
                // One bad address refuses the name: a resolver mixing public and private answers is not trusted.
                throw new BlockedAddressException(host + " resolves to a " + refusal.get());
            }
        }
        return List.copyOf(addresses);
    }
}
