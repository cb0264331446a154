package dev.mojaz.digest;

import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionQuery;
import dev.mojaz.source.Article;
import dev.mojaz.store.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every subscription of every receiving chat, in memory, ready to match new articles: keyword queries in the
 * {@link MatchEngine}, and whole sources followed (a subscription with an empty query and a source) in a map by
 * source. Loaded from the store at start ({@link #load}); whoever changes subscriptions in the store keeps it in step
 * with {@link #add} and {@link #remove}. Thread-safe.
 */
public final class LiveSubscriptions {
    private static final Logger log = LoggerFactory.getLogger(LiveSubscriptions.class);

    /**
     * A subscription an article matched.
     *
     * @param subscriptionId the stored subscription
     * @param chatId         whose it is
     * @param query          the query as Mojaz writes it ({@code Query#canonical}), or empty for a followed source
     * @param sourceId       for a followed source, its id; else null
     */
    public record Hit(long subscriptionId, long chatId, String query, String sourceId) {
        /** Whether it follows a whole source rather than a query. */
        public boolean wholeSource() {
            return query.isEmpty();
        }
    }

    private final MatchEngine engine;
    private final QueryParser parser;
    /** Followed sources: source id → subscription id → chat id. */
    private final Map<String, Map<Long, Long>> followers = new ConcurrentHashMap<>();
    /** Subscription id → the source it follows, to find it again on remove. */
    private final Map<Long, String> followed = new ConcurrentHashMap<>();

    /**
     * @param engine the engine to keep the queries in (the conversation may share it)
     * @param parser reads the stored query texts
     */
    public LiveSubscriptions(MatchEngine engine, QueryParser parser) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** Adds every subscription given; returns how many could be used (a query that no longer parses is skipped). */
    public int load(List<Subscription> subscriptions) {
        int loaded = 0;
        for (Subscription subscription : subscriptions) {
            if (add(subscription)) {
                loaded++;
            }
        }
        return loaded;
    }

    /**
     * Adds (or replaces) one subscription. False when its query cannot be parsed any more (a source it names was
     * removed, the limits were tightened): it is logged and left out.
     */
    public boolean add(Subscription subscription) {
        remove(subscription.id());
        String source = subscription.sourceId() == null || subscription.sourceId().isBlank() ? null
                : subscription.sourceId().toLowerCase(Locale.ROOT);
        if (subscription.query().isBlank()) {
            if (source == null) {
                log.warn("subscription {} has neither a query nor a source; skipped", subscription.id());
                return false;
            }
            followers.computeIfAbsent(source, s -> new ConcurrentHashMap<>()).put(subscription.id(), subscription.chatId());
            followed.put(subscription.id(), source);
            return true;
        }
        try {
            engine.put(new SubscriptionQuery(subscription.id(), subscription.chatId(), parser.parse(subscription.query()),
                    source == null ? List.of() : List.of(source)));
            return true;
        } catch (InvalidQueryException e) {
            log.warn("subscription {} ('{}') cannot be used: {}", subscription.id(), subscription.query(),
                    e.message(Locale.ENGLISH));
            return false;
        }
    }

    /** Removes one subscription; false when it was not here. */
    public boolean remove(long subscriptionId) {
        String source = followed.remove(subscriptionId);
        if (source != null) {
            Map<Long, Long> chats = followers.get(source);
            if (chats != null) {
                chats.remove(subscriptionId);
            }
            return true;
        }
        return engine.remove(subscriptionId);
    }

    /** Every subscription {@code article} matches, in no particular order. */
    public List<Hit> match(Article article) {
        List<Hit> hits = new ArrayList<>();
        for (SubscriptionQuery q : engine.match(article.title(), article.text(), article.sourceId())) {
            hits.add(new Hit(q.id(), q.chatId(), q.query().canonical(), null));
        }
        Map<Long, Long> chats = followers.get(article.sourceId().toLowerCase(Locale.ROOT));
        if (chats != null) {
            chats.forEach((id, chatId) -> hits.add(new Hit(id, chatId, "", article.sourceId())));
        }
        return hits;
    }

    /** The engine holding the queries. */
    public MatchEngine engine() {
        return engine;
    }

    /** Subscriptions held. */
    public int size() {
        return engine.size() + followed.size();
    }
}
