package dev.mojaz.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the poller remembers of one source between polls and across restarts: its conditional-GET validators and
 * its health.
 *
 * @param sourceId            the source
 * @param etag                the last ETag, or null
 * @param lastModified        the last Last-Modified header value, or null
 * @param lastAttempt         when it was last polled, or null
 * @param lastSuccess         when a poll last succeeded, or null
 * @param consecutiveFailures failures since the last success (drives the back-off)
 * @param lastError           the last failure, one line, or null
 * @param nextPoll            when it is due next, or null for "now"
 */
public record SourceState(
        String sourceId,
        String etag,
        String lastModified,
        Instant lastAttempt,
        Instant lastSuccess,
        int consecutiveFailures,
        String lastError,
        Instant nextPoll) {

    public SourceState {
        Objects.requireNonNull(sourceId, "sourceId");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /** A source never polled. */
    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, 0, null, null);
    }
}
