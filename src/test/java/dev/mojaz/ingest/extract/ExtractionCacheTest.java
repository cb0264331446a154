package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ExtractionCacheTest {
    private final AtomicLong nanos = new AtomicLong();

    private static ExtractedPage page(URI url, int paragraphs, int length) {
        List<String> text = java.util.stream.IntStream.range(0, paragraphs).mapToObj(i -> "x".repeat(length)).toList();
        return new ExtractedPage(url, url, "title", null, null, "ar", text);
    }

    @Test
    void extractsOncePerUrl() {
        ExtractionCache cache = new ExtractionCache(1_000_000, Duration.ofMinutes(10), nanos::get);
        URI url = URI.create("https://news.example/a");
        AtomicInteger extractions = new AtomicInteger();

        ExtractedPage first = cache.get(url, u -> {
            extractions.incrementAndGet();
            return page(u, 3, 100);
        });
        ExtractedPage second = cache.get(url, u -> {
            extractions.incrementAndGet();
            return page(u, 1, 1);
        });

        assertThat(extractions).hasValue(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        ExtractionCache cache = new ExtractionCache(1_000_000, Duration.ofMinutes(10), nanos::get);
        URI url = URI.create("https://news.example/a");
        cache.put(url, page(url, 1, 10));

        nanos.addAndGet(TimeUnit.MINUTES.toNanos(9));
        assertThat(cache.getIfPresent(url)).isPresent();
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(2));
        assertThat(cache.getIfPresent(url)).isEmpty();
    }

    @Test
    void totalWeightStaysUnderTheBound() {
        ExtractionCache cache = new ExtractionCache(100_000, Duration.ofHours(1), nanos::get);
        for (int i = 0; i < 200; i++) {
            URI url = URI.create("https://news.example/" + i);
            cache.put(url, page(url, 5, 1000)); // about 10 kB each
        }

        assertThat(cache.size()).isBetween(1L, 10L);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new ExtractionCache(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractionCache(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
