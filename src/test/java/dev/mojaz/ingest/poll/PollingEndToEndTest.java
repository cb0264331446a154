package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.domain.SourceState;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures.Item;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestFetchConfig;
import dev.mojaz.ingest.TestPipeline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A local site serves a feed and its article pages; the real pipeline (fetcher, Rome, extractor, summariser, SimHash,
 * in-memory store) polls it through the scheduler's {@code pollDue} step.
 */
@Tag("slow")
class PollingEndToEndTest {
    private static final String A = "000_6b2c92f6e4f8b8b5";
    private static final String B = "003_3a0528656e2a16ca";

    private FixtureSite site;
    private TestPipeline pipeline;
    private final AtomicBoolean honourEtag = new AtomicBoolean(true);

    @BeforeEach
    void setUp() throws Exception {
        site = new FixtureSite();
        pipeline = new TestPipeline();
        String base = site.base();
        List<String> a = Fixtures.paragraphs(Fixtures.seed(A));
        List<String> b = Fixtures.paragraphs(Fixtures.seed(B));
        List<String> aRepublished = Fixtures.paragraphs(Fixtures.republished(Fixtures.seed(A)));
        site.html("/a/1", Fixtures.articlePage("روسيا: الوجود الأمريكي في التنف يعيق عمليات الجيش", a, null));
        site.html("/a/2", Fixtures.articlePage("لافروف: لا بديل عن الحل السياسي", b, null));
        // /a/3 is missing (404): its entry has a description to fall back on
        site.html("/a/4", "<html><body><nav><a href=\"/\">الرئيسية</a></nav></body></html>"); // no article text
        site.html("/a/5", Fixtures.articlePage("موسكو: واشنطن تعيق عمليات الجيش السوري", aRepublished, null));
        site.html("/a/7", Fixtures.articlePage("لافروف: لا بديل عن الحل السياسي", b, base + "/a/2"));
        String feed = Fixtures.rss("أخبار", List.of(
                new Item("روسيا: الوجود الأمريكي يعيق عمليات الجيش", base + "/a/1", "g1", null),
                new Item("لافروف: لا بديل عن الحل السياسي", base + "/a/2", "g2", null),
                new Item("خبر صفحته مفقودة", base + "/a/3", "g3", "نص الخبر كما ورد في الخلاصة. وجملة ثانية فيه."),
                new Item("خبر بلا نص", base + "/a/4", "g4", null),
                new Item("موسكو: واشنطن تعيق عمليات الجيش السوري", base + "/a/5", "g5", null),
                new Item("الخبر الأول مع روابط التتبع", base + "/a/1?utm_source=rss&fbclid=abc", "g6", null),
                new Item("الخبر الثاني بعنوان آخر", base + "/a/7", "g7", null)));
        site.handle("/feed.xml", request -> honourEtag.get() && "\"v1\"".equals(request.getHeader("If-None-Match"))
                ? new MockResponse().setResponseCode(304)
                : new MockResponse().setHeader("Content-Type", "application/rss+xml").setHeader("ETag", "\"v1\"")
                .setBody(feed));
        pipeline.add(TestPipeline.feed("site", site.url("/feed.xml")));
    }

    @AfterEach
    void tearDown() throws Exception {
        pipeline.close();
        site.close();
    }

    private PollReport pollDue() {
        List<CompletableFuture<PollReport>> started = pipeline.scheduler.pollDue(pipeline.clock.instant());
        assertThat(started).hasSize(1);
        return started.get(0).join();
    }

    private EntryResult result(PollReport report, String path) {
        URI link = site.url(path);
        return report.entries().stream().filter(e -> e.link().equals(link)).findFirst().orElseThrow();
    }

    private StoredArticle stored(String path) {
        URI canonical = site.url(path);
        return pipeline.articles.all().stream().filter(a -> a.article().canonicalUrl().equals(canonical))
                .findFirst().orElseThrow();
    }

    @Test
    void pollsExtractsDedupesAndStoresThenAsksConditionallyAndStoresNothingTwice() {
        Instant firstPoll = pipeline.clock.instant();
        PollReport first = pollDue();

        assertThat(first.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(first.entries()).hasSize(7);
        assertThat(result(first, "/a/1").outcome()).isEqualTo(EntryResult.Outcome.ADDED);
        assertThat(result(first, "/a/2").outcome()).isEqualTo(EntryResult.Outcome.ADDED);
        // the page is 404: the feed's own text is stored instead, and the report says why
        EntryResult missing = result(first, "/a/3");
        assertThat(missing.outcome()).isEqualTo(EntryResult.Outcome.ADDED);
        assertThat(missing.usedFeedText()).isTrue();
        assertThat(missing.detail()).isEqualTo("stored the feed's text: " + site.url("/a/3") + ": HTTP 404 Not Found");
        // no text on the page nor in the feed: that entry fails, alone
        EntryResult empty = result(first, "/a/4");
        assertThat(empty.outcome()).isEqualTo(EntryResult.Outcome.FAILED);
        assertThat(empty.detail()).isEqualTo("no article text: the page has no article text, and the feed entry has none");
        assertThat(empty.retryable()).isFalse();
        // the same story republished under another URL joins the first one's story
        EntryResult republished = result(first, "/a/5");
        assertThat(republished.outcome()).isEqualTo(EntryResult.Outcome.JOINED_STORY);
        assertThat(republished.storyId()).isEqualTo(result(first, "/a/1").storyId());
        // tracking parameters removed: known before any fetch
        EntryResult tracked = result(first, "/a/1?utm_source=rss&fbclid=abc");
        assertThat(tracked.outcome()).isEqualTo(EntryResult.Outcome.DUPLICATE);
        assertThat(site.requestsTo("/a/1?utm_source=rss&fbclid=abc")).isZero();
        // a page whose rel=canonical names a stored article: a duplicate once the extractor reports the canonical
        // URL, a near-duplicate joining its story before that
        EntryResult canonical = result(first, "/a/7");
        assertThat(canonical.outcome()).isIn(EntryResult.Outcome.DUPLICATE, EntryResult.Outcome.JOINED_STORY);
        if (canonical.outcome() == EntryResult.Outcome.JOINED_STORY) {
            assertThat(canonical.storyId()).isEqualTo(result(first, "/a/2").storyId());
        }

        StoredArticle article = stored("/a/1");
        assertThat(article.article().sourceId()).isEqualTo("site");
        assertThat(article.article().guid()).isEqualTo("g1");
        assertThat(article.article().title()).isEqualTo("روسيا: الوجود الأمريكي يعيق عمليات الجيش");
        assertThat(article.article().text()).contains(Fixtures.paragraphs(Fixtures.seed(A)).get(1));
        assertThat(article.article().summary()).isNotEmpty();
        assertThat(article.article().signature()).isNotZero();
        assertThat(article.article().published()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(article.article().fetched()).isEqualTo(firstPoll);
        assertThat(stored("/a/3").article().text()).isEqualTo("نص الخبر كما ورد في الخلاصة. وجملة ثانية فيه.");

        SourceState state = pipeline.states.load("site");
        assertThat(state.lastSuccess()).isEqualTo(firstPoll);
        assertThat(state.consecutiveFailures()).isZero();
        assertThat(state.etag()).isEqualTo("\"v1\"");
        assertThat(state.nextPoll()).isEqualTo(firstPoll.plus(Duration.ofMinutes(10)));
        int storedAfterFirst = pipeline.articles.all().size();

        // not due yet: nothing starts
        assertThat(pipeline.scheduler.pollDue(firstPoll.plus(Duration.ofMinutes(9)))).isEmpty();

        // second poll: conditional, 304, nothing new
        pipeline.clock.advance(Duration.ofMinutes(10));
        PollReport second = pollDue();
        assertThat(second.status()).isEqualTo(PollReport.Status.NOT_MODIFIED);
        assertThat(site.requestsFor("/feed.xml")).hasSize(2);
        assertThat(site.requestsFor("/feed.xml").get(1).getHeader("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(pipeline.articles.all()).hasSize(storedAfterFirst);

        // third poll: a server that ignores validators sends the whole feed again; every stored entry is known
        // before its page is fetched
        honourEtag.set(false);
        pipeline.clock.advance(Duration.ofMinutes(10));
        pipeline.fetcher.clearCache();
        PollReport third = pollDue();
        assertThat(third.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(third.stored()).isZero();
        assertThat(pipeline.articles.all()).hasSize(storedAfterFirst);
        for (String path : List.of("/a/1", "/a/2", "/a/3", "/a/5")) {
            assertThat(site.requestsTo(path)).as(path).isEqualTo(1);
            assertThat(result(third, path).outcome()).as(path).isEqualTo(EntryResult.Outcome.DUPLICATE);
        }
    }

    @Test
    void aFeedOfTenThousandItemsIsWorkedThroughAFewAtATime() {
        pipeline.sources.clear();
        String feed = Fixtures.rss("كثير", Fixtures.manyItems(site.base(), 10_000));
        site.serve("/many.xml", () -> new MockResponse().setHeader("ETag", "\"many\"").setBody(feed));
        TestFetchConfig config = TestFetchConfig.defaults();
        config.maxEntriesPerPoll = 20;
        config.maxBodyBytes = 8 << 20; // the feed is about 2.5 MB
        TestPipeline limited = new TestPipeline(config);
        try {
            limited.add(TestPipeline.feed("many", site.url("/many.xml")));
            PollReport first = limited.scheduler.pollAllNow().get(0);

            assertThat(first.status()).as(first.error()).isEqualTo(PollReport.Status.UPDATED);
            assertThat(first.entries()).hasSize(10_000);
            assertThat(first.stored()).isEqualTo(20); // pages are 404: the items' descriptions are stored
            assertThat(first.count(EntryResult.Outcome.DEFERRED)).isEqualTo(9_980);
            assertThat(site.requests.stream().filter(r -> r.getPath().startsWith("/many/")).count()).isEqualTo(20);
            // deferred entries remain: the validators are not kept, so the next poll reads the feed again
            assertThat(limited.states.load("many").etag()).isNull();

            limited.clock.advance(Duration.ofMinutes(10));
            PollReport second = limited.scheduler.pollDue(limited.clock.instant()).get(0).join();
            assertThat(site.requestsFor("/many.xml").get(1).getHeader("If-None-Match")).isNull();
            assertThat(second.count(EntryResult.Outcome.DUPLICATE)).isEqualTo(20);
            assertThat(second.stored()).isEqualTo(20);
            assertThat(limited.articles.all()).hasSize(40);
        } finally {
            limited.close();
        }
    }
}
