package dev.mojaz.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mojaz.ingest.TestFetchConfig;
import dev.mojaz.testing.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real HTTP against MockWebServer and the JDK server on 127.0.0.1. */
@Tag("fast")
class HttpFetcherTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = FakeClock.at("2026-11-20T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final TestFetchConfig config = TestFetchConfig.defaults();
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server.start(LOCAL, 0);
    }

    @AfterEach
    void stop() throws IOException {
        if (fetcher != null) {
            fetcher.close();
        }
        server.shutdown();
    }

    private HttpFetcher fetcher() {
        fetcher = new HttpFetcher(config.build(), clock, AddressGuard.allowingAll(), HostResolver.system(), sleeper);
        return fetcher;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    @Test
    void fetchesABodyWithAClearUserAgent() throws Exception {
        server.enqueue(new MockResponse().setBody("<rss/>").setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .setHeader("ETag", "\"v1\"").setHeader("Last-Modified", "Fri, 20 Nov 2026 09:00:00 GMT"));

        FetchResponse response = fetcher().fetch(FetchRequest.feed(url("/feed")));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(response.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(response.etag()).isEqualTo("\"v1\"");
        assertThat(response.lastModified()).isEqualTo("Fri, 20 Nov 2026 09:00:00 GMT");
        assertThat(response.fetched()).isEqualTo(clock.instant());
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("User-Agent")).isEqualTo("MojazBot/test");
        assertThat(request.getHeader("Accept")).startsWith("application/rss+xml");
        assertThat(request.getHeader("Accept-Encoding")).isEqualTo("gzip, deflate");
    }

    @Test
    void decodesGzipAndBothKindsOfDeflate() throws Exception {
        byte[] text = "مرحبا بالعالم ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        server.enqueue(new MockResponse().setBody(new Buffer().write(gzip(text))).setHeader("Content-Encoding", "gzip"));
        server.enqueue(new MockResponse().setBody(new Buffer().write(deflate(text, false)))
                .setHeader("Content-Encoding", "deflate"));
        server.enqueue(new MockResponse().setBody(new Buffer().write(deflate(text, true)))
                .setHeader("Content-Encoding", "deflate"));
        HttpFetcher fetcher = fetcher();

        for (int i = 0; i < 3; i++) {
            assertThat(fetcher.fetch(FetchRequest.feed(url("/" + i))).body()).isEqualTo(text);
        }
    }

    @Test
    void gzipBombIsAbandonedAtTheDecompressedLimit() throws Exception {
        byte[] bomb = gzip(new byte[64 << 20]); // 64 MB of zeros, about 64 KB on the wire
        assertThat((long) bomb.length).isLessThan(config.maxBodyBytes);
        server.enqueue(new MockResponse().setBody(new Buffer().write(bomb)).setHeader("Content-Encoding", "gzip"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/bomb"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessage(url("/bomb") + ": response decompresses to more bytes than the limit of 1048576 bytes"
                        + " (fetch.max-body-bytes); abandoned");
    }

    @Test
    void corruptGzipIsAClearError() throws Exception {
        server.enqueue(new MockResponse().setBody("this is not gzip").setHeader("Content-Encoding", "gzip"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/x"))))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNREADABLE))
                .hasMessageContaining("corrupt gzip body");
    }

    @Test
    void fiftyMegabytesAreAbandonedAtTheLimitWithoutReadingThemAll() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        HttpServer big = HttpServer.create(new InetSocketAddress(LOCAL, 0), 0);
        big.createContext("/", exchange -> {
            // Chunked (no Content-Length), so only counting while reading can stop it.
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < 50L << 20) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // expected: the fetcher hung up at the limit
            } finally {
                done.countDown();
            }
        });
        big.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + big.getAddress().getPort() + "/huge");
            assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url)))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
                    .hasMessageContaining("sends more bytes than the limit of 1048576 bytes");
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            // What the server managed to write before the connection closed: the limit plus socket buffers.
            assertThat(written.get()).isLessThan(8L << 20);
        } finally {
            big.stop(0);
        }
    }

    @Test
    void aDeclaredOversizeBodyIsRefusedBeforeReading() throws Exception {
        server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[(1 << 20) + 1])));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/big"))))
                .hasMessageContaining("declares 1048577 bytes");
    }

    @Test
    void aServerTricklingBytesForeverIsCutOffAtTheTotalTimeout() throws Exception {
        config.totalTimeout = Duration.ofMillis(700);
        config.readTimeout = Duration.ofSeconds(5);
        // One byte every 50 ms: never silent long enough for the read timeout, never done.
        server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[100_000]))
                .throttleBody(1, 50, TimeUnit.MILLISECONDS));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/slow"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessage(url("/slow") + ": not complete after 700ms (fetch.total-timeout)");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void followsRedirectsUpToTheLimit() throws Exception {
        for (int i = 1; i <= 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(i % 2 == 0 ? 302 : 301).setHeader("Location", "/hop" + i));
        }
        server.enqueue(new MockResponse().setBody("arrived"));

        FetchResponse response = fetcher().fetch(FetchRequest.page(url("/start")));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("arrived");
        assertThat(response.url()).isEqualTo(url("/start"));
        assertThat(response.finalUrl()).isEqualTo(url("/hop5"));
    }

    @Test
    void oneRedirectTooManyIsRefused() {
        for (int i = 1; i <= 6; i++) {
            server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/hop" + i));
        }

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/start"))))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS))
                .hasMessage(url("/start") + ": more than 5 redirects (fetch.max-redirects)");
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void aRedirectLoopIsStoppedAtTheFirstRepeat() {
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/b"));
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/a"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/a"))))
                .hasMessage(url("/a") + ": redirect loop (back to " + url("/a") + ")");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "file:///etc/passwd"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/a"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL))
                .hasMessageContaining("redirect to 'file:///etc/passwd', which is not an http or https URL");
    }

    @Test
    void notFoundFailsAtOnceWithoutRetrying() {
        server.enqueue(new MockResponse().setResponseCode(404).setStatus("HTTP/1.1 404 Not Found"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/missing"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessage(url("/missing") + ": HTTP 404 Not Found");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorIsNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(500));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/broken"))))
                .hasMessageStartingWith(url("/broken") + ": HTTP 500");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void tooManyRequestsIsRetriedAfterExactlyTheRetryAfterSeconds() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
        server.enqueue(new MockResponse().setBody("ok"));

        FetchResponse response = fetcher().fetch(FetchRequest.page(url("/busy")));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheInjectedClock() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "Fri, 20 Nov 2026 10:00:07 GMT"));
        server.enqueue(new MockResponse().setBody("ok"));

        fetcher().fetch(FetchRequest.page(url("/busy")));

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanWeWaitFailsAtOnceAndCarriesTheWait() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.feed(url("/feed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessage(url("/feed") + ": HTTP 429 Client Error (Retry-After 1h)");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void theWaitsBeforeRetriesCountAgainstTheTotalTimeoutOfTheWholeFetch() {
        config.totalTimeout = Duration.ofSeconds(5);
        config.maxRetries = 5;
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/busy"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(503));
        // 1 s and 2 s fit in 5 s; a third wait of 4 s would not, so the third failure is the answer
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRetryAfterThatOutlastsTheTotalTimeoutIsNotWaitedFor() {
        // a person's link answering 503 with Retry-After: waiting would pass fetch.total-timeout, so give up now
        config.totalTimeout = Duration.ofSeconds(5);
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "8"));
        server.enqueue(new MockResponse().setBody("too late"));

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/busy"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryAfter())
                        .contains(Duration.ofSeconds(8)))
                .hasMessageContaining("HTTP 503");
        assertThat(sleeper.waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void transientFailuresBackOffExponentiallyUpToMaxRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url("/down"))))
                .hasMessageStartingWith(url("/down") + ": HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRefusedConnectionIsTransientAndRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, LOCAL)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/");

        assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(url)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.NETWORK);
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessageStartingWith(url + ": connection failed");
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void conditionalRequestsSendTheValidatorsAndReturnNotModified() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(304));

        FetchResponse response = fetcher().fetch(FetchRequest.feed(url("/feed"))
                .conditional("\"v1\"", "Fri, 20 Nov 2026 09:00:00 GMT"));

        assertThat(response.notModified()).isTrue();
        assertThat(response.etag()).isEqualTo("\"v1\"");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.getHeader("If-Modified-Since")).isEqualTo("Fri, 20 Nov 2026 09:00:00 GMT");
    }

    @Test
    void pagesAreCachedUntilTheirTimeIsUpButFeedsNever() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setBody("page " + i));
        }
        HttpFetcher fetcher = fetcher();

        assertThat(fetcher.fetch(FetchRequest.page(url("/a"))).fromCache()).isFalse();
        FetchResponse again = fetcher.fetch(FetchRequest.page(url("/a")));
        assertThat(again.fromCache()).isTrue();
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("page 0");
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16));
        assertThat(new String(fetcher.fetch(FetchRequest.page(url("/a"))).body(), StandardCharsets.UTF_8)).isEqualTo("page 1");

        fetcher.fetch(FetchRequest.feed(url("/feed")));
        fetcher.fetch(FetchRequest.feed(url("/feed")));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        for (String bad : List.of("ftp://example.com/feed", "file:///etc/passwd", "gopher://127.0.0.1:25/")) {
            assertThatThrownBy(() -> fetcher().fetch(FetchRequest.page(URI.create(bad))))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL))
                    .hasMessage(bad + ": only http and https URLs can be fetched");
        }
    }

    // --- SSRF: the guard on real requests ----------------------------------------------------------------------

    private HttpFetcher guarded(Map<String, List<InetAddress>> names) {
        fetcher = new HttpFetcher(config.build(), clock, AddressGuard.publicOnly().except(LOCAL), host -> {
            List<InetAddress> addresses = names.get(host);
            if (addresses == null) {
                throw new java.net.UnknownHostException(host);
            }
            return addresses;
        }, sleeper);
        return fetcher;
    }

    @Test
    void theGuardRefusesLoopbackBeforeConnecting() throws Exception {
        fetcher = new HttpFetcher(config.build(), clock, AddressGuard.publicOnly(), HostResolver.system(), sleeper);

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED))
                .hasMessage(url("/") + ": refused: loopback address 127.0.0.1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void everyRedirectHopIsChecked() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(302)
                .setHeader("Location", "http://127.0.0.2:" + server.getPort() + "/admin"));
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "http://intranet.test/"));
        HttpFetcher fetcher = guarded(Map.of("intranet.test", List.of(InetAddress.getByName("10.0.0.7"))));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/a"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED))
                .hasMessage(url("/a") + ": after redirect to http://127.0.0.2:" + server.getPort()
                        + "/admin: refused: loopback address 127.0.0.2");
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/b"))))
                .hasMessage(url("/b") + ": after redirect to http://intranet.test/: refused: intranet.test resolves to a"
                        + " private address 10.0.0.7");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theConnectionGoesToTheAddressThatWasChecked() throws Exception {
        // A rebinding name answers an allowed address once and a private one after; there is no second lookup.
        AtomicLong lookups = new AtomicLong();
        fetcher = new HttpFetcher(config.build(), clock, AddressGuard.publicOnly().except(LOCAL), host -> {
            long n = lookups.incrementAndGet();
            return List.of(n == 1 ? LOCAL : InetAddress.getByName("10.0.0.1"));
        }, sleeper);
        server.enqueue(new MockResponse().setBody("served by the checked address"));

        FetchResponse response = fetcher.fetch(FetchRequest.page(URI.create("http://rebind.test:" + server.getPort() + "/")));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("served by the checked address");
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(server.takeRequest().getHeader("Host")).isEqualTo("rebind.test:" + server.getPort());
    }

    @Test
    void aNameWithAnyForbiddenAddressIsRefused() throws Exception {
        HttpFetcher fetcher = guarded(Map.of("mixed.test", List.of(LOCAL, InetAddress.getByName("192.168.1.1"))));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(URI.create("http://mixed.test:" + server.getPort() + "/"))))
                .hasMessageEndingWith("refused: mixed.test resolves to a private address 192.168.1.1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnknownHostIsANetworkError() {
        HttpFetcher fetcher = guarded(Map.of());

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(URI.create("http://nowhere.test/"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.NETWORK))
                .hasMessage("http://nowhere.test/: unknown host nowhere.test");
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
