package dev.mojaz.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSRF policy, table-driven: each URL as a person might send it goes through OkHttp's URL parser (as the fetcher
 * does) and then the guard, literal check first and the resolver for names.
 */
@Tag("fast")
class SsrfGuardTest {
    private static final Map<String, String> DNS = Map.of(
            "localhost", "127.0.0.1",
            "localhost.", "127.0.0.1",
            "metadata.test", "169.254.169.254",
            "intranet.test", "10.1.2.3",
            "v6loop.test", "::1",
            "news.test", "93.184.216.34",
            "news6.test", "2606:4700::1111");

    private final GuardedDns dns = new GuardedDns(AddressGuard.publicOnly(), host -> {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address)); // literals only: never a real lookup
    });

    /** The refusal for a URL, or "allowed". */
    private String verdict(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        assertThat(parsed).as("OkHttp parses %s", url).isNotNull();
        Optional<String> literal = dns.checkLiteral(parsed.host());
        if (literal.isPresent()) {
            return literal.get();
        }
        try {
            dns.lookup(parsed.host());
            return "allowed";
        } catch (BlockedAddressException e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1/                      | loopback address 127.0.0.1
            http://127.8.9.10:8080/x               | loopback address 127.8.9.10
            http://localhost/                      | localhost resolves to a loopback address 127.0.0.1
            http://LOCALHOST./                     | localhost. resolves to a loopback address 127.0.0.1
            http://2130706433/                     | loopback address 127.0.0.1 (written as 2130706433)
            http://0x7f.1/                         | loopback address 127.0.0.1 (written as 0x7f.1)
            http://0x7f000001/                     | loopback address 127.0.0.1 (written as 0x7f000001)
            http://0177.0.0.1/                     | loopback address 127.0.0.1 (written as 0177.0.0.1)
            http://0177.0000.0000.0001/            | loopback address 127.0.0.1 (written as 0177.0000.0000.0001)
            http://127.1/                          | loopback address 127.0.0.1 (written as 127.1)
            http://127.0.0.1./                     | loopback address 127.0.0.1 (written as 127.0.0.1.)
            http://%31%32%37.0.0.1/                | loopback address 127.0.0.1
            http://[::1]/                          | loopback address 0:0:0:0:0:0:0:1
            http://[0:0:0:0:0:0:0:1]:80/           | loopback address 0:0:0:0:0:0:0:1
            http://[::ffff:127.0.0.1]/             | loopback address 127.0.0.1
            http://[::ffff:7f00:1]/                | loopback address 127.0.0.1
            http://[::ffff:a00:1]/                 | private address 10.0.0.1
            http://v6loop.test/                    | v6loop.test resolves to a loopback address 0:0:0:0:0:0:0:1
            http://10.0.0.1/                       | private address 10.0.0.1
            http://intranet.test/                  | intranet.test resolves to a private address 10.1.2.3
            http://172.16.0.1/                     | private address 172.16.0.1
            http://172.31.255.255/                 | private address 172.31.255.255
            http://192.168.1.1/                    | private address 192.168.1.1
            http://3232235777/                     | private address 192.168.1.1 (written as 3232235777)
            http://169.254.169.254/latest/meta-data| link-local address 169.254.169.254
            http://metadata.test/                  | metadata.test resolves to a link-local address 169.254.169.254
            http://100.64.0.1/                     | shared (carrier-grade NAT) address 100.64.0.1
            http://0.0.0.0/                        | unspecified ("this network") address 0.0.0.0
            http://0/                              | unspecified ("this network") address 0.0.0.0 (written as 0)
            http://224.0.0.1/                      | multicast address 224.0.0.1
            http://239.255.255.250:1900/           | multicast address 239.255.255.250
            http://255.255.255.255/                | broadcast address 255.255.255.255
            http://240.0.0.1/                      | reserved address 240.0.0.1
            http://192.0.2.1/                      | documentation address 192.0.2.1
            http://198.18.0.1/                     | benchmarking address 198.18.0.1
            http://[::]/                           | unspecified address 0:0:0:0:0:0:0:0
            http://[fe80::1]/                      | link-local address fe80:0:0:0:0:0:0:1
            http://[fc00::1]/                      | unique-local address fc00:0:0:0:0:0:0:1
            http://[fd12:3456:789a::1]/            | unique-local address fd12:3456:789a:0:0:0:0:1
            http://[fec0::1]/                      | site-local address fec0:0:0:0:0:0:0:1
            http://[ff02::1]/                      | multicast address ff02:0:0:0:0:0:0:1
            http://[64:ff9b::7f00:1]/              | NAT64 loopback address 64:ff9b:0:0:0:0:7f00:1
            http://[64:ff9b::a9fe:a9fe]/           | NAT64 link-local address 64:ff9b:0:0:0:0:a9fe:a9fe
            http://[2002:7f00:1::1]/               | 6to4 loopback address 2002:7f00:1:0:0:0:0:1
            http://[2002:c0a8:101::1]/             | 6to4 private address 2002:c0a8:101:0:0:0:0:1
            http://[::7f00:1]/                     | IPv4-compatible (deprecated) address 0:0:0:0:0:0:7f00:1
            http://[2001:db8::1]/                  | documentation address 2001:db8:0:0:0:0:0:1
            http://[2001::1]/                      | IETF special-purpose (Teredo, benchmarking, ORCHID) address 2001:0:0:0:0:0:0:1
            http://[100::1]/                       | discard-only address 100:0:0:0:0:0:0:1
            http://010.0.0.1/                      | numeric host 010.0.0.1 is not in dotted-decimal form
            http://1.2.3.4.5/                      | malformed numeric host 1.2.3.4.5
            http://0x100000000/                    | malformed numeric host 0x100000000
            http://8.8.8.8./                       | numeric host 8.8.8.8. is not in dotted-decimal form
            http://93.184.216.34/                  | allowed
            http://8.8.8.8:8080/feed               | allowed
            http://[2606:4700::1111]/              | allowed
            http://[::ffff:8.8.8.8]/               | allowed
            http://[2002:808:808::1]/              | allowed
            http://news.test/                      | allowed
            https://news6.test/rss                 | allowed
            http://1.2.3.example/                  | unknown host
            """)
    void urlsPeopleSendAreJudgedByTheAddressTheyReach(String url, String expected) {
        assertThat(verdict(url.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1", "10.0.0.1", "::1", "fe80::1", "169.254.169.254"})
    void allowingPrivateAddressesLetsEverythingThrough(String address) throws Exception {
        assertThat(AddressGuard.allowingAll().refusal(InetAddress.getByName(address))).isEmpty();
        assertThat(new GuardedDns(AddressGuard.allowingAll(), HostResolver.system()).checkLiteral(address)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2130706433          | 127.0.0.1
            0x7f.1              | 127.0.0.1
            0177.0.0.1          | 127.0.0.1
            127.1               | 127.0.0.1
            10.1                | 10.0.0.1
            192.168.257         | 192.168.1.1
            0x                  | 0.0.0.0
            """)
    void numericHostsAreReadAsInetAtonReadsThem(String host, String address) throws Exception {
        NumericHost.Parsed parsed = NumericHost.parse(host.strip());
        assertThat(parsed.kind()).isEqualTo(NumericHost.Kind.NUMERIC);
        assertThat(parsed.address().getHostAddress()).isEqualTo(address.strip());
    }

    @ParameterizedTest
    @CsvSource({"example.com", "1.2.3.example", "cafe.be", "a1.b2", "xn--mgbh0fb.xn--kgbechtv"})
    void namesAreLeftToTheResolver(String host) {
        assertThat(NumericHost.parse(host).kind()).isEqualTo(NumericHost.Kind.NAME);
    }

    @ParameterizedTest
    @CsvSource({"08.0.0.1", "1.2.3.256", "256.1.1.1", "1.2.3.4.5", "4294967296", "0x1g.0.0.1"})
    void numericLookingHostsThatAreNotAddressesAreMalformed(String host) {
        assertThat(NumericHost.parse(host).kind()).isEqualTo(NumericHost.Kind.MALFORMED);
    }

    @org.junit.jupiter.api.Test
    void aResolverWithNoAnswerIsAnUnknownHost() {
        GuardedDns empty = new GuardedDns(AddressGuard.publicOnly(), host -> List.of());
        assertThatThrownBy(() -> empty.lookup("empty.test")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(BlockedAddressException.class);
    }
}
