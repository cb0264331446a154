package dev.mojaz.common;

import dev.mojaz.config.TelegramConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for transient failures: retry n waits {@code firstDelay × 2^(n-1)}, never more than
 * {@code maxDelay}. Deterministic, so a test can say exactly how long a retry waited.
 */
public record Backoff(Duration firstDelay, Duration maxDelay, int maxAttempts) {
    public Backoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static Backoff from(TelegramConfig.Retry retry) {
        return new Backoff(retry.firstDelay(), retry.maxDelay(), retry.maxAttempts());
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
}
