package dev.mojaz.config;

/**
 * Limits on the keyword queries people store.
 *
 * @param maxQueriesPerChat queries one chat may keep
 * @param maxQueryLength    characters in one query
 * @param maxTermsPerQuery  words and phrases in one query (required, alternatives and excluded together)
 */
public record MatchConfig(int maxQueriesPerChat, int maxQueryLength, int maxTermsPerQuery) {
    public MatchConfig {
        Check.range("max-queries-per-chat", maxQueriesPerChat, 1, 1000);
        Check.range("max-query-length", maxQueryLength, 10, 2000);
        Check.range("max-terms-per-query", maxTermsPerQuery, 1, 100);
    }
}
