package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures.Item;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.http.AddressGuard;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.poll.EntryResult;
import dev.mojaz.ingest.poll.PollReport;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.FakeClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may reach a private network: a source the file marks {@code allow-private: true}, for its own host only;
 * nobody else (the other sources' feeds, links people send), unless {@code fetch.allow-private-addresses} (tests).
 *
 * <p>Two local sites: the intranet on 127.0.0.1, and a news site on 127.0.0.2 that plays a public site (the guard
 * lets exactly that address through, as the console does for its sample site).
 */
@Tag("fast")
class SourcePipelineTest {
    @TempDir
    Path dir;
    private FixtureSite intranet;
    private FixtureSite news;
    private AddressGuard newsSiteIsPublic;
    private final FakeClock clock = FakeClock.at("2026-11-20T10:00:00Z");

    @BeforeEach
    void setUp() throws IOException {
        intranet = new FixtureSite();
        InetAddress publicStandIn = InetAddress.getByName("127.0.0.2");
        news = new FixtureSite(publicStandIn);
        newsSiteIsPublic = AddressGuard.publicOnly().except(publicStandIn);
        // "localhost" is the same machine under another name: another host, so not the intranet source's own.
        String otherPrivateHost = "http://localhost:" + intranet.url("/").getPort();
        intranet.xml("/feed.xml", Fixtures.rss("داخلي", List.of(
                new Item("خبر داخلي", intranet.base() + "/a/1", "g1", null),
                new Item("خبر من مضيف آخر", otherPrivateHost + "/a/2", "g2", null),
                new Item("تحويل", intranet.base() + "/a/redirect", "g3", null))));
        intranet.html("/a/1", article("003_3a0528656e2a16ca"));
        intranet.html("/a/2", article("000_6b2c92f6e4f8b8b5"));
        intranet.html("/a/3", article("004_625e51d79cef2ff7"));
        intranet.serve("/a/redirect", () -> new okhttp3.mockwebserver.MockResponse().setResponseCode(302)
                .setHeader("Location", otherPrivateHost + "/a/2"));
        news.xml("/news.xml", Fixtures.rss("أخبار", List.of(
                new Item("خبر عام", news.base() + "/n/1", "n1", null),
                new Item("رابط إلى الشبكة الداخلية", intranet.base() + "/a/3", "n2", null))));
        news.html("/n/1", article("001_cbaf4bc2a732227a"));
    }

    private static String article(String seed) {
        return Fixtures.articlePage("خبر", Fixtures.paragraphs(Fixtures.seed(seed)), null);
    }

    @AfterEach
    void tearDown() throws IOException {
        intranet.close();
        news.close();
    }

    private MojazConfig config(String fetchKeys, String intranetKeys) throws IOException {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, "fetch:\n" + fetchKeys + "  max-retries: 0\nsources:\n"
                + "  - id: intranet\n    feed: " + intranet.url("/feed.xml") + "\n" + intranetKeys
                + "  - id: news\n    feed: " + news.url("/news.xml") + "\n");
        return new ConfigLoader(Map.of()).load(file);
    }

    private static Map<String, PollReport> pollOnce(SourcePipeline pipeline) {
        return pipeline.scheduler().pollAllNow().stream()
                .collect(Collectors.toMap(PollReport::sourceId, Function.identity()));
    }

    private static Map<String, EntryResult> byPath(PollReport report) {
        return report.entries().stream().collect(Collectors.toMap(e -> e.link().getPath(), Function.identity()));
    }

    @Test
    void aPrivateSourceReachesItsOwnHostAndNoOtherPrivateHost() throws IOException {
        MojazConfig config = config("", "    allow-private: true\n");
        try (SqlStorage store = SqlStorage.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock, newsSiteIsPublic)) {
            Map<String, EntryResult> entries = byPath(pollOnce(pipeline).get("intranet"));

            assertThat(entries.get("/a/1").isNew()).isTrue();
            assertThat(entries.get("/a/2").outcome()).isEqualTo(EntryResult.Outcome.FAILED);
            assertThat(entries.get("/a/2").detail()).contains("refused: localhost resolves to a loopback address");
            assertThat(entries.get("/a/redirect").outcome()).isEqualTo(EntryResult.Outcome.FAILED);
            assertThat(entries.get("/a/redirect").detail()).contains("after redirect to http://localhost:")
                    .contains("refused");
            assertThat(intranet.requestsTo("/a/2")).as("the other host is never asked").isZero();
        }
    }

    @Test
    void aNormalSourcesFeedLinkingToThePrivateSourcesHostIsRefused() throws IOException {
        MojazConfig config = config("", "    allow-private: true\n");
        try (SqlStorage store = SqlStorage.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock, newsSiteIsPublic)) {
            Map<String, EntryResult> entries = byPath(pollOnce(pipeline).get("news"));

            assertThat(entries.get("/n/1").isNew()).as("the news site's own article").isTrue();
            assertThat(entries.get("/a/3").outcome()).isEqualTo(EntryResult.Outcome.FAILED);
            assertThat(entries.get("/a/3").detail()).contains("refused: loopback address 127.0.0.1");
            assertThat(intranet.requestsTo("/a/3")).isZero();
        }
    }

    @Test
    void aLinkSomeoneSendsStaysGuardedEvenForAPageThePrivateSourceFetched() throws IOException {
        MojazConfig config = config("", "    allow-private: true\n");
        try (SqlStorage store = SqlStorage.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock)) {
            assertThat(pollOnce(pipeline).get("intranet").stored()).isEqualTo(1);
            URI fetchedBySource = intranet.url("/a/1");

            assertThatThrownBy(() -> pipeline.fetcher().fetch(FetchRequest.page(fetchedBySource)))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED));
            assertThat(intranet.requestsTo("/a/1")).as("fetched once, for the source").isEqualTo(1);
        }
    }

    @Test
    void byDefaultNoSourceReachesAPrivateAddress() throws IOException {
        MojazConfig config = config("", "");
        try (SqlStorage store = SqlStorage.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock)) {
            PollReport report = pollOnce(pipeline).get("intranet");
            assertThat(report.stored()).isZero();
            assertThat(report.error()).contains("loopback");
        }
    }

    @Test
    void theTestSwitchOpensEverything() throws IOException, FetchException {
        MojazConfig config = config("  allow-private-addresses: true\n", "");
        try (SqlStorage store = SqlStorage.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock)) {
            Map<String, EntryResult> entries = byPath(pollOnce(pipeline).get("intranet"));
            assertThat(entries.get("/a/1").isNew()).isTrue();
            assertThat(entries.get("/a/2").isNew()).isTrue();
            assertThat(pipeline.fetcher().fetch(FetchRequest.page(intranet.url("/a/1"))).status()).isEqualTo(200);
        }
    }
}
