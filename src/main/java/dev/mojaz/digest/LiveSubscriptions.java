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
 * Subscriptions in memory, ready to match new articles: keyword queries in the {@link MatchEngine}, and whole
 * sources followed (a subscription with an empty query and a source id, which the engine cannot express) in a map
 * by source. {@link #match} answers both, so the dispatcher should ask it rather than the engine alone. The
 * conversation keeps it in step with the store ({@link SubscriptionRegistry}). Thread-safe.
 */
public final class LiveSubscriptions implements SubscriptionRegistry {
    private static final Logger log = LoggerFactory.getLogger(LiveSubscriptions.class);

    /**
     * A subscription an article matched.
     *
     * @param query    the query as stored (its canonical form), or "" when the chat follows the whole source
     * @param sourceId the subscription's own source: the followed source, or null
     */
    public record Hit(long subscriptionId, long chatId, String query, String sourceId) {
        /** Whether it follows a whole source rather than a query. */
        public boolean wholeSource() {
            return query.isEmpty();
        }
    }

    private final MatchEngine engine;
    private final QueryParser parser;
    private final SourceAudience audience;
    /** Keyword subscriptions by id, for the query text of a hit. */
    private final Map<Long, Subscription> queries = new ConcurrentHashMap<>();
    /** Followed sources: source id → subscription id → chat id. */
    private final Map<String, Map<Long, Long>> followers = new ConcurrentHashMap<>();
    /** Subscription id → the source it follows. */
    private final Map<Long, String> followed = new ConcurrentHashMap<>();

    /**
     * @param parser reads the stored queries; it need not know the sources (give it none), since a source a query
     *               names was checked when the person subscribed
     */
    public LiveSubscriptions(MatchEngine engine, QueryParser parser) {
        this(engine, parser, SourceAudience.everyone());
    }

    /** @param audience who each source's articles may reach: a personal source's reach only its owners */
    public LiveSubscriptions(MatchEngine engine, QueryParser parser, SourceAudience audience) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    /** Adds every subscription given; returns how many could be used. */
    public int load(List<Subscription> subscriptions) {
        int loaded = 0;
        for (Subscription subscription : subscriptions) {
            if (add(subscription)) {
                loaded++;
            }
        }
        return loaded;
    }

    @Override
    public synchronized boolean add(Subscription subscription) {
        remove(subscription.id());
        String source = subscription.sourceId() == null || subscription.sourceId().isBlank() ? null
                : subscription.sourceId().toLowerCase(Locale.ROOT);
        if (subscription.query().isBlank()) {
            if (source == null) {
                log.warn("subscription {} has neither a query nor a source; not used", subscription.id());
                return false;
            }
            followers.computeIfAbsent(source, s -> new ConcurrentHashMap<>()).put(subscription.id(), subscription.chatId());
            followed.put(subscription.id(), source);
            return true;
        }
        try {
            engine.put(new SubscriptionQuery(subscription.id(), subscription.chatId(), parser.parse(subscription.query()),
                    source == null ? List.of() : List.of(source)));
            queries.put(subscription.id(), subscription);
            return true;
        } catch (InvalidQueryException e) {
            log.warn("subscription {} of chat {} ('{}') is not used: {}", subscription.id(), subscription.chatId(),
                    subscription.query(), e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized boolean remove(long subscriptionId) {
        String source = followed.remove(subscriptionId);
        if (source != null) {
            Map<Long, Long> chats = followers.get(source);
            if (chats != null) {
                chats.remove(subscriptionId);
                if (chats.isEmpty()) {
                    followers.remove(source);
                }
            }
            return true;
        }
        queries.remove(subscriptionId);
        return engine.remove(subscriptionId);
    }

    /**
     * Every subscription an article matches: keyword queries, and the followers of its source; of a personal
     * source's article, only its owners' ({@link SourceAudience}).
     */
    public List<Hit> match(String title, String text, String sourceId) {
        List<Hit> hits = new ArrayList<>();
        for (SubscriptionQuery q : engine.match(title, text, sourceId)) {
            Subscription s = queries.get(q.id());
            hits.add(new Hit(q.id(), q.chatId(), s != null ? s.query() : q.query().canonical(), null));
        }
        if (sourceId != null) {
            String source = sourceId.toLowerCase(Locale.ROOT);
            followers.getOrDefault(source, Map.of()).forEach((id, chatId) -> hits.add(new Hit(id, chatId, "", source)));
        }
        if (audience.isRestricted(sourceId)) {
            hits.removeIf(hit -> !audience.reaches(sourceId, hit.chatId()));
        }
        return hits;
    }

    public List<Hit> match(Article article) {
        return match(article.title(), article.text(), article.sourceId());
    }

    /** The engine holding the keyword queries. */
    public MatchEngine engine() {
        return engine;
    }

    /** Subscriptions held, keyword queries and followed sources together. */
    public int size() {
        return engine.size() + followed.size();
    }
}
