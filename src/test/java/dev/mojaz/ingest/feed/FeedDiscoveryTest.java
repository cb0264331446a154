package dev.mojaz.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.common.Sleeper;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestFetchConfig;
import dev.mojaz.ingest.http.AddressGuard;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.HostResolver;
import dev.mojaz.ingest.http.HttpFetcher;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a link someone sends turns out to be, through the real guarded fetcher against a local web server. */
@Tag("fast")
class FeedDiscoveryTest {
    private FixtureSite site;
    private HttpFetcher fetcher;
    private FeedDiscovery discovery;

    @BeforeEach
    void start() throws Exception {
        site = new FixtureSite();
        TestFetchConfig config = TestFetchConfig.defaults();
        config.maxRetries = 0;
        fetcher = new HttpFetcher(config.build(), Clock.systemUTC());
        discovery = new FeedDiscovery(fetcher);
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        site.close();
    }

    private String items(int count) {
        List<Fixtures.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new Fixtures.Item("خبر رقم " + i + " عن الطقس", site.base() + "/a/" + i + ".html", "g" + i, null));
        }
        return Fixtures.rss("مدونة الطقس", items);
    }

    @Test
    void aFeedIsAFeedWithItsTitleItemsAndLanguage() throws Exception {
        site.xml("/feed.xml", items(3));
        FeedDiscovery.Found found = discovery.discover(site.url("/feed.xml"));
        assertThat(found.isFeed()).isTrue();
        assertThat(found.url()).isEqualTo(site.url("/feed.xml"));
        assertThat(found.title()).isEqualTo("مدونة الطقس");
        assertThat(found.items()).isEqualTo(3);
        assertThat(found.language()).isEqualTo("ar");
    }

    @Test
    void aPageThatNamesItsFeedLeadsToTheFeed() throws Exception {
        site.xml("/rss", items(2));
        site.html("/", "<html><head><title>الموقع</title><link rel=\"alternate\" type=\"application/rss+xml\""
                + " href=\"/rss\"></head><body><p>مرحباً</p></body></html>");
        FeedDiscovery.Found found = discovery.discover(site.url("/"));
        assertThat(found.isFeed()).isTrue();
        assertThat(found.url()).isEqualTo(site.url("/rss"));
        assertThat(found.items()).isEqualTo(2);
    }

    @Test
    void aSiteWithoutAFeedIsReadAsAListingOfItsArticles() throws Exception {
        site.html("/news", "<html><head><title>Latest news</title></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<main><article><h2><a href=\"/news/one.html\">First story of the day</a></h2></article>"
                + "<article><h2><a href=\"/news/two.html\">Second story</a></h2></article>"
                + "<article><h2><a href=\"https://elsewhere.example/x\">Elsewhere</a></h2></article></main></body></html>");
        FeedDiscovery.Found found = discovery.discover(site.url("/news"));
        assertThat(found.isFeed()).isFalse();
        assertThat(found.linkSelector()).isEqualTo("article a[href]");
        assertThat(found.title()).isEqualTo("Latest news");
        assertThat(found.language()).isEqualTo("en");
    }

    @Test
    void aFeedWithoutItemsOrAPageWithNothingToReadIsNotASource() {
        site.xml("/empty.xml", items(0));
        site.html("/about", "<html><body><p>نحن موقع.</p><a href=\"/contact\">اتصل بنا</a></body></html>");
        assertThatThrownBy(() -> discovery.discover(site.url("/empty.xml")))
                .isInstanceOfSatisfying(FeedDiscovery.NotASource.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedDiscovery.NotASource.Reason.EMPTY));
        assertThatThrownBy(() -> discovery.discover(site.url("/about")))
                .isInstanceOfSatisfying(FeedDiscovery.NotASource.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedDiscovery.NotASource.Reason.NOTHING_TO_READ));
    }

    @Test
    void aMissingPageIsAFetchFailure() {
        assertThatThrownBy(() -> discovery.discover(site.url("/nowhere")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aLinkToAPrivateAddressIsRefusedByTheGuardAndSoIsAFeedAPageNamesThere() throws Exception {
        try (FixtureSite outside = new FixtureSite(InetAddress.getByName("127.0.0.2"))) {
            TestFetchConfig config = TestFetchConfig.defaults();
            config.allowPrivateAddresses = false;
            config.maxRetries = 0;
            // 127.0.0.2 stands in for a public site; 127.0.0.1 (the other local site) is the private network
            try (HttpFetcher guarded = new HttpFetcher(config.build(), Clock.systemUTC(),
                    AddressGuard.publicOnly().except(InetAddress.getByName("127.0.0.2")), HostResolver.system(),
                    Sleeper.system(Clock.systemUTC()))) {
                site.xml("/feed.xml", items(2));
                outside.html("/", "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\""
                        + site.url("/feed.xml") + "\"></head><body></body></html>");
                FeedDiscovery guardedDiscovery = new FeedDiscovery(guarded);
                assertThatThrownBy(() -> guardedDiscovery.discover(site.url("/feed.xml")))
                        .isInstanceOfSatisfying(FetchException.class,
                                e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED));
                assertThatThrownBy(() -> guardedDiscovery.discover(outside.url("/")))
                        .isInstanceOfSatisfying(FetchException.class,
                                e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED));
                assertThat(site.requestsTo("/feed.xml")).isZero();
            }
        }
    }
}
