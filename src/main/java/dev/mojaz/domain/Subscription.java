package dev.mojaz.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One query a chat follows.
 *
 * @param id       the store's id (short: fits in callback data)
 * @param chatId   whose it is
 * @param query    the query text as the person typed it (parsed by {@code dev.mojaz.match}); may be empty when the
 *                 chat follows a whole source
 * @param sourceId only articles of this source match, or null for every source
 * @param created  when it was added
 */
public record Subscription(long id, long chatId, String query, String sourceId, Instant created) {
    public Subscription {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(created, "created");
    }
}
