package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures.Item;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SourcePollerTest {
    private FixtureSite site;
    private TestPipeline pipeline;

    @BeforeEach
    void setUp() throws Exception {
        site = new FixtureSite();
        pipeline = new TestPipeline();
    }

    @AfterEach
    void tearDown() throws Exception {
        pipeline.close();
        site.close();
    }

    @Test
    void failuresBackOffExponentiallyWithJitterAndASuccessResetsTheHealth() {
        AtomicInteger status = new AtomicInteger(404);
        site.handle("/feed.xml", request -> status.get() == 200
                ? new MockResponse().setBody(Fixtures.rss("x", List.of()))
                : new MockResponse().setResponseCode(status.get()).setStatus("HTTP/1.1 404 Not Found"));
        SourceConfig source = TestPipeline.feed("flaky", site.url("/feed.xml"));
        Instant start = pipeline.clock.instant();

        // jitter is fixed at 0.5 here: the delay is three quarters of interval × 2^(failures-1)
        List<Duration> expected = List.of(Duration.ofSeconds(450), Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofMinutes(60));
        for (int failures = 1; failures <= expected.size(); failures++) {
            PollReport report = pipeline.poller.poll(source);
            SourceState state = pipeline.states.load("flaky");
            assertThat(report.status()).isEqualTo(PollReport.Status.FAILED);
            assertThat(state.consecutiveFailures()).isEqualTo(failures);
            assertThat(state.lastError()).isEqualTo(site.url("/feed.xml") + ": HTTP 404 Not Found");
            assertThat(state.lastAttempt()).isEqualTo(pipeline.clock.instant());
            assertThat(state.nextPoll()).isEqualTo(pipeline.clock.instant().plus(expected.get(failures - 1)));
            pipeline.clock.set(state.nextPoll());
        }

        status.set(200);
        PollReport ok = pipeline.poller.poll(source);
        SourceState healthy = pipeline.states.load("flaky");
        assertThat(ok.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(healthy.consecutiveFailures()).isZero();
        assertThat(healthy.lastError()).isNull();
        assertThat(healthy.lastSuccess()).isEqualTo(pipeline.clock.instant()).isAfter(start);
        assertThat(healthy.nextPoll()).isEqualTo(pipeline.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void theBackOffIsCappedAtMaxBackoff() {
        assertThat(SourcePoller.backoff(20, Duration.ofMinutes(10), Duration.ofHours(6), 0.999999, null))
                .isBetween(Duration.ofHours(6).minusSeconds(1), Duration.ofHours(6));
        assertThat(SourcePoller.backoff(20, Duration.ofMinutes(10), Duration.ofHours(6), 0.0, null)).isEqualTo(Duration.ofHours(3));
        // a source polled less often than the cap is never polled more often because it fails
        assertThat(SourcePoller.backoff(3, Duration.ofHours(12), Duration.ofHours(6), 0.0, null)).isEqualTo(Duration.ofHours(6));
        assertThat(SourcePoller.backoff(1, Duration.ofMinutes(10), Duration.ofHours(6), 0.0, Duration.ofMinutes(30)))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aListingPageSourceStoresTheArticlesItsSelectorPicks() {
        String base = site.base();
        site.html("/latest", "<html><body><nav><a href=\"/\">الرئيسية</a></nav><ul>"
                + "<li class=\"story\"><a href=\"/story/1\">الأول</a></li>"
                + "<li class=\"story\"><a href=\"" + base + "/story/2\">الثاني</a></li></ul></body></html>");
        site.html("/story/1", Fixtures.articlePage("الأول", Fixtures.paragraphs(Fixtures.seed("002_ac1c3e60c73cbb0f")), null));
        site.html("/story/2", Fixtures.articlePage("الثاني", Fixtures.paragraphs(Fixtures.seed("001_cbaf4bc2a732227a")), null));

        PollReport report = pipeline.poller.poll(TestPipeline.listing("latest", site.url("/latest"), "li.story"));

        assertThat(report.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(report.stored()).isEqualTo(2);
        assertThat(pipeline.articles.all()).extracting(a -> a.article().title()).containsExactly("الأول", "الثاني");
    }

    @Test
    void anEntryFailingForAPassingReasonKeepsTheFeedUnconditionalSoItIsRetried() {
        String base = site.base();
        site.serve("/feed.xml", () -> new MockResponse().setHeader("ETag", "\"e\"")
                .setBody(Fixtures.rss("x", List.of(new Item("t", base + "/down", "d1", null)))));
        site.serve("/down", () -> new MockResponse().setResponseCode(503));

        PollReport report = pipeline.poller.poll(TestPipeline.feed("s", site.url("/feed.xml")));

        assertThat(report.failures()).singleElement().satisfies(e -> assertThat(e.retryable()).isTrue());
        assertThat(pipeline.states.load("s").etag()).isNull();
        assertThat(pipeline.states.load("s").lastSuccess()).isNotNull();
        // the page was retried in-line (503 is transient) before giving up for this poll
        assertThat(site.requestsTo("/down")).isEqualTo(3);
        assertThat(pipeline.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
