package dev.mojaz.ingest;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.FetchConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.memory.InMemoryArticleRepository;
import dev.mojaz.domain.memory.InMemorySourceStateRepository;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.feed.FeedReader;
import dev.mojaz.ingest.feed.ListingReader;
import dev.mojaz.ingest.http.AddressGuard;
import dev.mojaz.ingest.http.HostResolver;
import dev.mojaz.ingest.http.HttpFetcher;
import dev.mojaz.ingest.poll.Ingestor;
import dev.mojaz.ingest.poll.PollScheduler;
import dev.mojaz.ingest.poll.SourcePoller;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.testing.FakeClock;
import dev.mojaz.text.BoilerplateFilter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sources side wired as {@code dev.mojaz.cli.SourcePipeline} wires it, with in-memory stores, a clock tests move,
 * waits recorded instead of slept, and the back-off jitter fixed at one half.
 */
public final class TestPipeline implements AutoCloseable {
    public final FakeClock clock = FakeClock.at("2026-11-20T10:00:00Z");
    public final List<Duration> waits = new CopyOnWriteArrayList<>();
    public final InMemoryArticleRepository articles = new InMemoryArticleRepository();
    public final InMemorySourceStateRepository states = new InMemorySourceStateRepository();
    public final List<SourceConfig> sources = new CopyOnWriteArrayList<>();
    public final FetchConfig config;
    public final HttpFetcher fetcher;
    public final Ingestor ingestor;
    public final SourcePoller poller;
    public final PollScheduler scheduler;

    public TestPipeline(TestFetchConfig fetchConfig) {
        this.config = fetchConfig.build();
        this.fetcher = new HttpFetcher(config, clock, AddressGuard.forConfig(config.allowPrivateAddresses()),
                HostResolver.system(), deadline -> waits.add(Duration.between(clock.instant(), deadline)));
        this.ingestor = new Ingestor(fetcher, new ArticleExtractor(BoilerplateFilter.standard()),
                new Summarizer(new ConfigLoader(java.util.Map.of()).defaults().summary()), articles, clock);
        this.poller = new SourcePoller(fetcher, new FeedReader(), new ListingReader(), ingestor, states, config, clock,
                () -> 0.5);
        this.scheduler = new PollScheduler(() -> List.copyOf(sources), poller, states, config.maxConcurrentSources(), clock);
    }

    public TestPipeline() {
        this(TestFetchConfig.defaults());
    }

    /** A feed source polled every 10 minutes. */
    public static SourceConfig feed(String id, URI url) {
        return new SourceConfig(id, id, "ar", url, null, null, Duration.ofMinutes(10), true);
    }

    /** A listing-page source polled every 10 minutes. */
    public static SourceConfig listing(String id, URI url, String selector) {
        return new SourceConfig(id, id, "ar", null, url, selector, Duration.ofMinutes(10), true);
    }

    public TestPipeline add(SourceConfig source) {
        sources.add(source);
        return this;
    }

    @Override
    public void close() {
        scheduler.close();
        fetcher.close();
    }
}
