package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures.Item;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestFetchConfig;
import dev.mojaz.ingest.TestPipeline;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Closing the fetcher while a site never answers (as {@code run} does on SIGTERM): the request in flight ends at
 * once, and the interrupted poll leaves no trace against the source or the entry.
 */
@Tag("fast")
class StopDuringPollTest {
    private static final long HANG_GUARD_SECONDS = 30;

    private FixtureSite site;
    private TestPipeline pipeline;
    private final CountDownLatch asked = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        site = new FixtureSite();
        TestFetchConfig config = TestFetchConfig.defaults();
        // Far longer than the hang guard below: only the cancel can end the request in time.
        config.readTimeout = Duration.ofMinutes(10);
        config.totalTimeout = Duration.ofMinutes(10);
        pipeline = new TestPipeline(config);
    }

    @AfterEach
    void tearDown() throws Exception {
        pipeline.close();
        site.close();
    }

    /** Answers nothing at {@code path}, keeping the connection open, and counts the request down. */
    private void hangAt(String path) {
        site.handle(path, request -> {
            asked.countDown();
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        });
    }

    private PollReport pollAndCloseTheFetcherWhileItHangs(SourceConfig source) throws Exception {
        CompletableFuture<PollReport> poll = CompletableFuture.supplyAsync(() -> pipeline.poller.poll(source));
        assertThat(asked.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        pipeline.fetcher.close();
        return poll.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aHangingArticleIsLeftForTheNextPollNotStoredWithTheFeedsText() throws Exception {
        site.xml("/feed.xml", Fixtures.rss("x", List.of(
                new Item("خبر", site.base() + "/a/1", "g1", "نص الخبر كما في الموجز، وهو أقصر من المقال."))));
        hangAt("/a/1");

        PollReport report = pollAndCloseTheFetcherWhileItHangs(TestPipeline.feed("hangs", site.url("/feed.xml")));

        assertThat(report.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(EntryResult.Outcome.DEFERRED);
            assertThat(entry.detail()).contains("Mojaz is stopping");
        });
        assertThat(pipeline.articles.all()).isEmpty();
    }

    @Test
    void aHangingFeedCountsNoFailureAgainstTheSource() throws Exception {
        hangAt("/feed.xml");

        PollReport report = pollAndCloseTheFetcherWhileItHangs(TestPipeline.feed("hangs", site.url("/feed.xml")));

        assertThat(report.status()).isEqualTo(PollReport.Status.FAILED);
        assertThat(report.error()).contains("Mojaz is stopping");
        assertThat(pipeline.states.load("hangs")).isEqualTo(SourceState.initial("hangs"));
    }

    @Test
    void aClosedFetcherRefusesNewRequestsWithoutSendingThem() {
        pipeline.fetcher.close();

        assertThatThrownBy(() -> pipeline.fetcher.fetch(FetchRequest.page(site.url("/a/2"))))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.STOPPED));
        assertThat(site.requests).isEmpty();
    }
}
