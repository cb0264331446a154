package dev.mojaz.bot.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.mojaz.config.TelegramConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits how often one person may ask for something costly (a summary of a link fetches and reads a page): at
 * most {@code limit} requests in any sliding {@code window}. People who stop asking are forgotten by the cache
 * after a window, so memory follows the people active now, not everyone ever seen.
 */
public final class RequestThrottle {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<Long, ArrayDeque<Instant>> recent;

    public RequestThrottle(TelegramConfig.Limits limits, Clock clock) {
        this(limits.summariesPerPerson(), limits.summaryWindow(), clock);
    }

    public RequestThrottle(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.recent = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(window).build();
    }

    /**
     * Records a request by {@code personId} if it is within the limit. Returns empty if it may go ahead, or how
     * long until it would be allowed (for the polite "try again in N minutes").
     */
    public Optional<Duration> tryAcquire(long personId) {
        Instant now = clock.instant();
        ArrayDeque<Instant> times = recent.get(personId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.removeFirst();
            }
            if (times.size() >= limit) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
