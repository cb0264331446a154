package dev.mojaz.common;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for transient failures, the one rule every retry loop of Mojaz follows (fetching a page,
 * sending to Telegram, polling a failing source, retrying the store): retry n waits {@code firstDelay × 2^(n-1)},
 * never more than {@code maxDelay}. Deterministic, so a test can say exactly how long a retry waited; where many
 * retries must not fall on the same moment, {@link #jittered} spreads them.
 *
 * @param maxAttempts how many attempts the caller makes at most (the first included); the caller enforces it
 */
public record Backoff(Duration firstDelay, Duration maxDelay, int maxAttempts) {
    public Backoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1");
        }
        Duration delay = firstDelay;
        for (int i = 1; i < retry && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * {@link #delay} moved into its upper half by {@code jitter} ("equal jitter"): so that things failing together
     * (sources during a network outage) do not all come back at the same moment.
     *
     * @param jitter a random number in [0, 1)
     */
    public Duration jittered(int retry, double jitter) {
        long millis = delay(retry).toMillis();
        return Duration.ofMillis(millis / 2 + (long) (millis / 2.0 * Math.min(Math.max(jitter, 0), 1)));
    }
}
