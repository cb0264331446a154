package dev.mojaz.match;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A query registered with a {@link MatchEngine}: what a subscription asks for, and whom it belongs to.
 *
 * @param id      the subscription id (unique in the engine; registering the same id again replaces it)
 * @param chatId  the chat the subscription belongs to, handed back with each match
 * @param query   what to look for
 * @param sources the subscription's own source filter, lower-case ids, sorted; empty for every source. It applies
 *                on top of the query's {@code source:} restriction: an article must pass both.
 */
public record SubscriptionQuery(long id, long chatId, Query query, List<String> sources) {
    public SubscriptionQuery {
        Objects.requireNonNull(query, "query");
        TreeSet<String> ids = new TreeSet<>();
        for (String source : sources) {
            ids.add(source.toLowerCase(Locale.ROOT));
        }
        sources = List.copyOf(ids);
    }

    /** A subscription without a source filter of its own. */
    public static SubscriptionQuery of(long id, long chatId, Query query) {
        return new SubscriptionQuery(id, chatId, query, List.of());
    }

    /** Whether an article from {@code sourceId} (null when unknown) passes both source filters. */
    public boolean allowsSource(String sourceId) {
        return query.allowsSource(sourceId) && (sources.isEmpty() || sourceId != null && sources.contains(sourceId));
    }
}
