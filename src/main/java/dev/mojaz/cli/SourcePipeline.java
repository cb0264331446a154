package dev.mojaz.cli;

import dev.mojaz.config.MojazConfig;
import dev.mojaz.store.Store;
import dev.mojaz.extract.ArticleExtractor;
import dev.mojaz.source.catalog.SourceCatalog;
import dev.mojaz.source.feed.FeedReader;
import dev.mojaz.source.feed.ListingReader;
import dev.mojaz.source.http.AddressGuard;
import dev.mojaz.source.http.HostResolver;
import dev.mojaz.source.http.HttpFetcher;
import dev.mojaz.source.ingest.Ingestor;
import dev.mojaz.source.poll.PollScheduler;
import dev.mojaz.source.poll.SourcePoller;
import dev.mojaz.summary.Summarizer;
import dev.mojaz.text.BoilerplateFilter;
import java.time.Clock;

/**
 * Wires the sources side together by constructor injection: one {@link HttpFetcher} (one HTTP client), the feed and
 * listing readers, the extractor, the summariser, the ingestor, the poller and the scheduler over the effective
 * {@link SourceCatalog}. {@code fetch} uses it now; {@code run} can start {@link #scheduler()}'s loop.
 */
public final class SourcePipeline implements AutoCloseable {
    private final HttpFetcher sourceFetcher;
    private final HttpFetcher fetcher;
    private final SourceCatalog catalog;
    private final PollScheduler scheduler;

    /**
     * The standard policy: links people send are guarded unless {@code fetch.allow-private-addresses}; the configured
     * sources are the admin's choice, so {@code fetch.allow-private-sources} lets them (and only them) reach private
     * networks.
     */
    public SourcePipeline(MojazConfig config, Store stores, Clock clock) {
        this(config, stores, clock, AddressGuard.forConfig(config.fetch().allowPrivateAddresses()
                || config.fetch().allowPrivateSources()), AddressGuard.forConfig(config.fetch().allowPrivateAddresses()));
    }

    /**
     * With the address guards given: for the sources' feeds and pages, and for the links people send. The console
     * lets its own sample site on the loopback address through while every other address stays guarded.
     */
    public SourcePipeline(MojazConfig config, Store stores, Clock clock, AddressGuard sourcesGuard,
                          AddressGuard linksGuard) {
        this.sourceFetcher = new HttpFetcher(config.fetch(), clock, sourcesGuard, HostResolver.system(),
                dev.mojaz.source.http.Sleeper.system());
        this.fetcher = sourceFetcher.withGuard(linksGuard);
        this.catalog = new SourceCatalog(config.sources(), stores.sources());
        Ingestor ingestor = new Ingestor(sourceFetcher, new ArticleExtractor(BoilerplateFilter.standard()),
                new Summarizer(config.summary()), stores.articles(), clock);
        SourcePoller poller = new SourcePoller(sourceFetcher, new FeedReader(), new ListingReader(), ingestor,
                stores.sourceStates(), config.fetch(), clock, Math::random);
        this.scheduler = new PollScheduler(catalog::all, poller, stores.sourceStates(),
                config.fetch().maxConcurrentSources(), clock);
    }

    /** The fetcher for links people send (the same client as the sources', under the links' address guard). */
    public HttpFetcher fetcher() {
        return fetcher;
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    public PollScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.close();
        fetcher.close();
        sourceFetcher.close();
    }
}
