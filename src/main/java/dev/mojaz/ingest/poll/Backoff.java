package dev.mojaz.ingest.poll;

import java.time.Duration;

/**
 * When a failing source is polled again: its interval doubled for each consecutive failure after the first, capped
 * at {@code fetch.max-backoff} (or the interval, when that is longer), then jittered into the upper half of that
 * delay ("equal jitter") so that sources failing together (a network outage) do not all return at the same
 * moment. A server's Retry-After is a floor.
 */
final class Backoff {
    private Backoff() {
    }

    /**
     * @param failures   consecutive failures, at least 1
     * @param interval   the source's normal interval
     * @param max        the cap ({@code fetch.max-backoff})
     * @param jitter     a random number in [0, 1)
     * @param retryAfter what the server asked for, or null
     */
    static Duration delay(int failures, Duration interval, Duration max, double jitter, Duration retryAfter) {
        Duration cap = max.compareTo(interval) > 0 ? max : interval;
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration base = interval.multipliedBy(1L << doublings);
        if (base.compareTo(cap) > 0 || base.isNegative()) {
            base = cap;
        }
        long millis = base.toMillis();
        Duration delay = Duration.ofMillis(millis / 2 + (long) (millis / 2.0 * Math.min(Math.max(jitter, 0), 1)));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return delay;
    }
}
