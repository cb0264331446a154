package dev.mojaz.cli;

import dev.mojaz.app.SourceLeaseKeeper;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Storage;
import dev.mojaz.ingest.catalog.SourceCatalog;
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
import dev.mojaz.text.BoilerplateFilter;
import java.time.Clock;

/**
 * Wires the sources side together by constructor injection: one {@link HttpFetcher} (one HTTP client), the feed and
 * listing readers, the extractor, the summariser, the ingestor, the poller and the scheduler over the effective
 * {@link SourceCatalog}. {@code fetch} uses it now; {@code run} can start {@link #scheduler()}'s loop.
 */
public final class SourcePipeline implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final SourceCatalog catalog;
    private final PollScheduler scheduler;
    private final SourceLeaseKeeper leases;

    /**
     * The standard policy: every request is guarded unless {@code fetch.allow-private-addresses} (tests); a source
     * with {@code allow-private: true} reaches its own host on a private network (its requests say so, see
     * {@link dev.mojaz.ingest.http.FetchRequest#onBehalfOf}), and links people send never do.
     */
    public SourcePipeline(MojazConfig config, Storage stores, Clock clock) {
        this(config, stores, clock, AddressGuard.forConfig(config.fetch().allowPrivateAddresses()));
    }

    /**
     * With the fetcher's address guard given: the console lets its own sample site on the loopback address through
     * while every other address stays under the standard policy.
     */
    public SourcePipeline(MojazConfig config, Storage stores, Clock clock, AddressGuard guard) {
        this.fetcher = new HttpFetcher(config.fetch(), clock, guard, HostResolver.system(),
                Sleeper.system(clock));
        this.catalog = new SourceCatalog(config.sources(), stores.sources());
        Ingestor ingestor = new Ingestor(fetcher, new ArticleExtractor(BoilerplateFilter.standard()),
                new Summarizer(config.summary()), stores.articles(), clock);
        SourcePoller poller = new SourcePoller(fetcher, new FeedReader(), new ListingReader(), ingestor,
                stores.sourceStates(), config.fetch(), clock, Math::random);
        // With several instances on one database each source is polled by one of them at a time.
        this.leases = new SourceLeaseKeeper(stores.instances());
        this.scheduler = new PollScheduler(catalog::all, poller, stores.sourceStates(),
                config.fetch().maxConcurrentSources(), clock, leases);
    }

    /** The application's one HTTP fetcher (the bot fetches links people send through it). */
    public HttpFetcher fetcher() {
        return fetcher;
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    public PollScheduler scheduler() {
        return scheduler;
    }

    /** The source leases this process holds (the sources it is polling now). */
    public SourceLeaseKeeper leases() {
        return leases;
    }

    /**
     * Cancels every fetch in flight first (a poll, or a link someone sent, waiting on a site that never answers ends
     * at once), then stops the polls.
     */
    @Override
    public void close() {
        fetcher.close();
        scheduler.close();
        leases.close();
    }
}
