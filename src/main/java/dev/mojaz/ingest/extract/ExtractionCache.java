package dev.mojaz.ingest.extract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Extraction results by URL, so that a link several people send, or a page seen again on the next poll, is
 * extracted once. Bounded by weight (an estimate of the memory the results hold, in bytes) and by time since the
 * result was stored; the least valuable entries go first when the weight is exceeded (Caffeine's W-TinyLFU).
 *
 * <p>A small class for the fetch side to hold beside its page cache: ask {@link #get} with the URL and how to
 * extract, and the extraction runs only when the URL is not cached. Thread-safe.
 */
public final class ExtractionCache {
    private final Cache<String, ExtractedPage> cache;

    /** A cache on the system clock. */
    public ExtractionCache(long maxBytes, Duration timeToLive) {
        this(maxBytes, timeToLive, Ticker.systemTicker());
    }

    /** A cache on the given ticker (tests pass one they advance). */
    public ExtractionCache(long maxBytes, Duration timeToLive, Ticker ticker) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive, not " + timeToLive);
        }
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String url, ExtractedPage page) -> weight(url, page))
                .expireAfterWrite(timeToLive)
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                .executor(Runnable::run) // evict on the caller's thread: no background work to wait for
                .build();
    }

    /** The cached result for {@code url}, extracting (once, even under concurrent calls) when there is none. */
    public ExtractedPage get(URI url, Function<URI, ExtractedPage> extract) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(extract, "extract");
        return cache.get(url.toString(), key -> extract.apply(url));
    }

    public Optional<ExtractedPage> getIfPresent(URI url) {
        return Optional.ofNullable(cache.getIfPresent(url.toString()));
    }

    public void put(URI url, ExtractedPage page) {
        cache.put(url.toString(), Objects.requireNonNull(page, "page"));
    }

    public void invalidate(URI url) {
        cache.invalidate(url.toString());
    }

    /** Roughly how many results are held (exact after pending maintenance has run). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Two bytes a character for the strings held, plus a fixed overhead per entry and per paragraph. */
    static int weight(String url, ExtractedPage page) {
        long chars = url.length() + page.title().length()
                + (page.byline() == null ? 0 : page.byline().length());
        for (String paragraph : page.paragraphs()) {
            chars += paragraph.length() + 24;
        }
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 256);
    }
}
