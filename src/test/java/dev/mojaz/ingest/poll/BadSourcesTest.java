package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.domain.SourceState;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures.Item;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestFetchConfig;
import dev.mojaz.ingest.TestPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of the issue, each as its own source, all polled together with one good source: each failure is
 * recorded against its source with a clear error, nothing crashes, and the good source's article is stored.
 */
@Tag("fast")
class BadSourcesTest {
    private static FixtureSite site;
    private static TestPipeline pipeline;
    /**
     * The source that trickles forever is polled with a short fetch.total-timeout of its own: it can never finish,
     * so its timeout is certain, while every other source has the usual generous one and is never cut off by a slow
     * (loaded) machine.
     */
    private static TestPipeline impatient;
    private static Map<String, PollReport> reports;

    @BeforeAll
    static void pollEverything() throws Exception {
        site = new FixtureSite();
        TestFetchConfig config = TestFetchConfig.defaults();
        config.maxRetryWait = Duration.ofSeconds(10);
        config.maxConcurrentSources = 4;
        pipeline = new TestPipeline(config);
        TestFetchConfig impatientConfig = TestFetchConfig.defaults();
        impatientConfig.totalTimeout = Duration.ofMillis(1500);
        impatient = new TestPipeline(impatientConfig);
        String base = site.base();

        site.html("/good/1", Fixtures.articlePage("خبر جيد", Fixtures.paragraphs(Fixtures.seed("004_625e51d79cef2ff7")), null));
        site.xml("/good.xml", Fixtures.rss("جيد", List.of(new Item("خبر جيد", base + "/good/1", "good-1", null))));
        site.serve("/malformed.xml", () -> fixture("malformed.xml", "application/rss+xml"));
        site.serve("/html.xml", () -> fixture("html-page.html", "text/html; charset=utf-8"));
        site.serve("/empty.xml", () -> fixture("empty.xml", "application/rss+xml"));
        site.serve("/lol.xml", () -> fixture("billion-laughs.xml", "application/rss+xml"));
        byte[] bomb = gzip(new byte[64 << 20]);
        site.serve("/bomb.xml", () -> new MockResponse().setHeader("Content-Encoding", "gzip").setBody(new Buffer().write(bomb)));
        site.serve("/huge.xml", () -> new MockResponse().setChunkedBody(new Buffer().write(new byte[3 << 20]), 64 * 1024));
        site.serve("/trickle.xml", () -> new MockResponse().setBody(new Buffer().write(new byte[100_000]))
                .throttleBody(1, 20, TimeUnit.MILLISECONDS));
        site.serve("/loop-a.xml", () -> new MockResponse().setResponseCode(302).setHeader("Location", "/loop-b.xml"));
        site.serve("/loop-b.xml", () -> new MockResponse().setResponseCode(302).setHeader("Location", "/loop-a.xml"));
        site.serve("/error.xml", () -> new MockResponse().setResponseCode(500).setStatus("HTTP/1.1 500 Internal Server Error"));
        site.serve("/busy.xml", () -> new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        site.xml("/noarticle.xml", Fixtures.rss("بلا نص", List.of(new Item("صفحة فارغة", base + "/noarticle/1", "n1", null))));
        site.html("/noarticle/1", "<html><body><div class=\"menu\"><a href=\"/\">الرئيسية</a></div></body></html>");

        List<String> seed = Fixtures.paragraphs(Fixtures.seed("002_ac1c3e60c73cbb0f"));
        site.xml("/brokenhtml.xml", Fixtures.rss("مكسور", List.of(new Item("صفحة مكسورة", base + "/broken/1", "b1", null))));
        // Unclosed title, unclosed <b> and <p>, stray end tags. (An unclosed <a> is not in it: browsers and Jsoup alike
        // carry it into every later paragraph, which then reads as one big link.)
        site.html("/broken/1", "<html><head><title>مكسور<body><div class=nav><a href=/>الرئيسية</a></div></td>"
                + "<article><p>" + seed.get(1) + "<b>غير مغلق<p>" + seed.get(2) + "</div></span><p>" + seed.get(3)
                + "</table></html></html><p>");

        for (String id : List.of("good", "brokenhtml", "malformed", "html", "empty", "lol", "bomb", "huge", "loop-a",
                "missing", "error", "busy", "noarticle")) {
            pipeline.add(TestPipeline.feed(id, site.url("/" + id + ".xml")));
        }
        impatient.add(TestPipeline.feed("trickle", site.url("/trickle.xml")));
        reports = Stream.concat(impatient.scheduler.pollDue(impatient.clock.instant()).stream(),
                        pipeline.scheduler.pollDue(pipeline.clock.instant()).stream())
                .map(java.util.concurrent.CompletableFuture::join)
                .collect(Collectors.toMap(PollReport::sourceId, Function.identity()));
    }

    /** The pipeline that polled this source. */
    private static TestPipeline pipelineOf(String id) {
        return id.equals("trickle") ? impatient : pipeline;
    }

    @AfterAll
    static void tearDown() throws IOException {
        pipeline.close();
        impatient.close();
        site.close();
    }

    private static MockResponse fixture(String name, String contentType) {
        try (InputStream in = BadSourcesTest.class.getResourceAsStream("/dev/mojaz/ingest/feed/" + name)) {
            return new MockResponse().setHeader("Content-Type", contentType).setBody(new Buffer().write(in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** The source failed with {@code error}, and its health says so. */
    private static void failedWith(String id, String error) {
        PollReport report = reports.get(id);
        assertThat(report.status()).as(id).isEqualTo(PollReport.Status.FAILED);
        assertThat(report.error()).as(id).isEqualTo(error);
        SourceState state = pipelineOf(id).states.load(id);
        assertThat(state.consecutiveFailures()).as(id).isEqualTo(1);
        assertThat(state.lastError()).as(id).isEqualTo(error);
        assertThat(state.lastSuccess()).as(id).isNull();
        assertThat(state.nextPoll()).as(id).isAfter(pipelineOf(id).clock.instant());
    }

    private static String url(String path) {
        return site.url(path).toString();
    }

    @Test
    void theGoodSourceGoesOn() {
        assertThat(reports).hasSize(14);
        assertThat(reports.get("good").status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(reports.get("good").stored()).isEqualTo(1);
        assertThat(pipeline.states.load("good").lastError()).isNull();
    }

    @Test
    void malformedHtmlStillGivesTheArticle() {
        PollReport report = reports.get("brokenhtml");
        assertThat(report.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(report.stored()).isEqualTo(1);
        String text = pipeline.articles.all().stream().filter(a -> a.article().sourceId().equals("brokenhtml"))
                .findFirst().orElseThrow().article().text();
        assertThat(text).contains(Fixtures.paragraphs(Fixtures.seed("002_ac1c3e60c73cbb0f")).get(2));
    }

    @Test
    void malformedXml() {
        failedWith("malformed", url("/malformed.xml") + ": malformed XML at line 7: The element type \"item\" must be"
                + " terminated by the matching end-tag \"</item>\".");
    }

    @Test
    void anHtmlPageServedAsAFeed() {
        failedWith("html", url("/html.xml") + ": not a feed: the URL serves an HTML page (text/html; charset=utf-8)");
    }

    @Test
    void anEmptyFeedIsASuccessWithNothingInIt() {
        assertThat(reports.get("empty").status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(reports.get("empty").entries()).isEmpty();
        assertThat(pipeline.states.load("empty").lastSuccess()).isNotNull();
    }

    @Test
    void billionLaughs() {
        failedWith("lol", url("/lol.xml") + ": refused: the feed declares a DOCTYPE at line 2 (DTDs and entity"
                + " declarations are not accepted, so entities are never expanded)");
    }

    @Test
    void aGzipBomb() {
        failedWith("bomb", url("/bomb.xml") + ": response decompresses to more bytes than the limit of 1048576 bytes"
                + " (fetch.max-body-bytes); abandoned");
    }

    @Test
    void aResponseOverTheSizeLimit() {
        failedWith("huge", url("/huge.xml") + ": response sends more bytes than the limit of 1048576 bytes"
                + " (fetch.max-body-bytes); abandoned");
    }

    @Test
    void aServerTricklingBytesForever() {
        failedWith("trickle", url("/trickle.xml") + ": not complete after 1s500ms (fetch.total-timeout)");
    }

    @Test
    void aRedirectLoop() {
        failedWith("loop-a", url("/loop-a.xml") + ": redirect loop (back to " + url("/loop-a.xml") + ")");
    }

    @Test
    void notFound() {
        failedWith("missing", url("/missing.xml") + ": HTTP 404 Not Found");
    }

    @Test
    void serverError() {
        failedWith("error", url("/error.xml") + ": HTTP 500 Internal Server Error");
    }

    @Test
    void tooManyRequestsWithRetryAfterPushesTheNextPollBack() {
        failedWith("busy", url("/busy.xml") + ": HTTP 429 Client Error (Retry-After 1h)");
        // Retry-After (an hour) is past fetch.max-retry-wait (10 s): no in-line wait, and the source is not polled
        // again before the server said, though its back-off alone would be 7m30s
        assertThat(pipeline.waits).isEmpty();
        assertThat(pipeline.states.load("busy").nextPoll()).isEqualTo(pipeline.clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void aPageWithNoArticleFailsTheEntryNotTheSource() {
        PollReport report = reports.get("noarticle");
        assertThat(report.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(report.failures()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(EntryResult.Outcome.FAILED);
            assertThat(e.detail()).isEqualTo("no article text: the page has no article text, and the feed entry has none");
        });
        assertThat(pipeline.states.load("noarticle").lastError()).isNull();
    }
}
