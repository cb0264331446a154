package dev.mojaz.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A link someone asked to have summarised, waiting for its summary.
 *
 * @param language the language to answer in, as it was when they asked
 * @param attempts how many times making the summary was begun
 */
public record SummaryRequest(long id, long chatId, String url, String language, int attempts, Instant requestedAt) {
    public SummaryRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
