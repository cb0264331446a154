package dev.mojaz.ingest.poll;

import dev.mojaz.common.Backoff;
import dev.mojaz.config.FetchConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.SourceStateRepository;
import dev.mojaz.ingest.feed.Feed;
import dev.mojaz.ingest.feed.FeedFormatException;
import dev.mojaz.ingest.feed.FeedReader;
import dev.mojaz.ingest.feed.ListingReader;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.http.FetchResponse;
import dev.mojaz.ingest.http.HttpFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: a conditional GET of its feed or listing page, the entries read and ingested, and its
 * {@link SourceState} updated and saved — validators, last success, consecutive failures, last error, next poll.
 * Never throws for anything the source does; the failure is the report's and the state's.
 */
public final class SourcePoller {
    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

    private final HttpFetcher fetcher;
    private final FeedReader feeds;
    private final ListingReader listings;
    private final Ingestor ingestor;
    private final SourceStateRepository states;
    private final FetchConfig config;
    private final Clock clock;
    private final DoubleSupplier jitter;

    /**
     * @param jitter random numbers in [0, 1) for the back-off ({@code Math::random} in production; tests fix it)
     */
    public SourcePoller(HttpFetcher fetcher, FeedReader feeds, ListingReader listings, Ingestor ingestor,
                        SourceStateRepository states, FetchConfig config, Clock clock, DoubleSupplier jitter) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.listings = Objects.requireNonNull(listings, "listings");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.states = Objects.requireNonNull(states, "states");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    public PollReport poll(SourceConfig source) {
        SourceState state = states.load(source.id());
        Instant started = clock.instant();
        try {
            FetchRequest request = (source.isFeed() ? FetchRequest.feed(source.url())
                    : FetchRequest.page(source.url()).uncached())
                    .onBehalfOf(source).conditional(state.etag(), state.lastModified());
            FetchResponse response = fetcher.fetch(request);
            if (response.notModified()) {
                return succeeded(source, state, started, response.etag(), response.lastModified(),
                        PollReport.Status.NOT_MODIFIED, List.of(), List.of());
            }
            Feed feed = source.isFeed()
                    ? feeds.read(response.body(), response.contentType(), response.finalUrl())
                    : listings.read(response.body(), response.contentType(), response.finalUrl(), source.linkSelector());
            List<EntryResult> results = ingestor.ingest(source, feed.entries(), config.maxEntriesPerPoll());
            // Keep the validators only when every entry was dealt with for good: after a deferred entry or one that
            // failed for a passing reason the next poll must read the feed again, as a 304 would hide them until the
            // feed changes.
            boolean complete = results.stream().noneMatch(r -> r.outcome() == EntryResult.Outcome.DEFERRED
                    || r.outcome() == EntryResult.Outcome.FAILED && r.retryable());
            return succeeded(source, state, started, complete ? response.etag() : null,
                    complete ? response.lastModified() : null, PollReport.Status.UPDATED, results, feed.problems());
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.STOPPED) {
                // Mojaz is stopping, the source did nothing wrong: its state stays as it was (due again at start).
                return new PollReport(source.id(), PollReport.Status.FAILED, e.getMessage(), List.of(), List.of(),
                        state.nextPoll());
            }
            return failed(source, state, started, e.getMessage(), e.retryAfter().orElse(null));
        } catch (FeedFormatException e) {
            return failed(source, state, started, source.url() + ": " + e.getMessage(), null);
        } catch (RuntimeException e) {
            log.warn("{}: poll failed", source.id(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return failed(source, state, started, "internal error: " + message.lines().findFirst().orElse(""), null);
        }
    }

    private PollReport succeeded(SourceConfig source, SourceState state, Instant started, String etag,
                                 String lastModified, PollReport.Status status, List<EntryResult> results,
                                 List<String> problems) {
        Instant now = clock.instant();
        Instant next = now.plus(source.interval());
        states.save(new SourceState(source.id(), etag, lastModified, started, now, 0, null, next));
        log.debug("{}: {} ({} entries), next poll {}", source.id(), status, results.size(), next);
        return new PollReport(source.id(), status, null, results, problems, next);
    }

    private PollReport failed(SourceConfig source, SourceState state, Instant started, String error,
                              Duration retryAfter) {
        Instant now = clock.instant();
        int failures = state.consecutiveFailures() + 1;
        Duration delay = backoff(failures, source.interval(), config.maxBackoff(), jitter.getAsDouble(), retryAfter);
        Instant next = now.plus(delay);
        String line = error.lines().findFirst().orElse("").strip();
        states.save(new SourceState(source.id(), state.etag(), state.lastModified(), started, state.lastSuccess(),
                failures, line, next));
        log.info("{}: poll failed ({} in a row): {}; next poll {}", source.id(), failures, line, next);
        return new PollReport(source.id(), PollReport.Status.FAILED, line, List.of(), List.of(), next);
    }

    /**
     * When a failing source is polled again: its interval doubled for each consecutive failure after the first,
     * capped at {@code fetch.max-backoff} (or the interval, when that is longer), then jittered into the upper half
     * of that delay so that sources failing together (a network outage) do not all return at the same moment. A
     * server's Retry-After is a floor.
     *
     * @param failures   consecutive failures, at least 1
     * @param jitter     a random number in [0, 1)
     * @param retryAfter what the server asked for, or null
     */
    static Duration backoff(int failures, Duration interval, Duration max, double jitter, Duration retryAfter) {
        Duration cap = max.compareTo(interval) > 0 ? max : interval;
        Duration delay = new Backoff(interval, cap, Integer.MAX_VALUE).jittered(Math.max(failures, 1), jitter);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
