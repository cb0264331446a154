package dev.mojaz.config;

/**
 * Limits on the keyword queries people store.
 *
 * @param maxQueriesPerChat queries one chat may keep
 * @param maxQueryLength    characters in one query
 */
public record MatchConfig(int maxQueriesPerChat, int maxQueryLength) {
    public MatchConfig {
        Check.range("max-queries-per-chat", maxQueriesPerChat, 1, 1000);
        Check.range("max-query-length", maxQueryLength, 10, 2000);
    }
}
