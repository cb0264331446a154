package dev.mojaz.match;

import dev.mojaz.domain.Article;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatRepository;
import dev.mojaz.domain.Subscription;
import dev.mojaz.domain.SubscriptionRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of every receiving chat (active, not paused) in memory, ready to match new articles, and the one
 * place that keeps them equal to the store. Keyword queries are in the {@link MatchEngine}; whole sources followed (a
 * subscription with an empty query and a source id, which the engine cannot express) in a map by source;
 * {@link #match} answers both, so the dispatcher asks it rather than the engine alone.
 *
 * <p>Whoever commits a change to a chat or its subscriptions (the conversation after each turn, the outbox sender when
 * Telegram says a chat is gone or moved) calls {@link #sync} for that chat afterwards: the index reads the chat's
 * subscriptions back from the store and replaces what it held for it. It remembers which ids it holds for each chat,
 * so that a chat whose subscriptions were deleted (unsubscribe, /forget, migration) loses them here too.
 * Thread-safe.
 */
public final class SubscriptionIndex {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionIndex.class);

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
    /** Who each source's articles may reach: a personal source's, only its owners. */
    private final SourceAudience audience;
    /** Keyword subscriptions by id, for the query text of a hit. */
    private final Map<Long, Subscription> queries = new ConcurrentHashMap<>();
    /** Followed sources: source id → subscription id → chat id. */
    private final Map<String, Map<Long, Long>> followers = new ConcurrentHashMap<>();
    /** Subscription id → the source it follows. */
    private final Map<Long, String> followed = new ConcurrentHashMap<>();

    /** The store it follows; null for a {@link #snapshot}. */
    private final ChatRepository chats;
    private final SubscriptionRepository subscriptions;
    /** The subscription ids held for each chat, so that those the store no longer has can be dropped. */
    private final Map<Long, Set<Long>> held = new HashMap<>();

    /**
     * @param parser reads the stored queries; it need not know the sources (give it none), since a source a query
     *               names was checked when the person subscribed
     */
    public SubscriptionIndex(MatchEngine engine, QueryParser parser, ChatRepository chats,
                             SubscriptionRepository subscriptions) {
        this(engine, parser, chats, subscriptions, SourceAudience.everyone());
    }

    /** @param audience who each source's articles may reach: a personal source's, only its owners' subscriptions */
    public SubscriptionIndex(MatchEngine engine, QueryParser parser, ChatRepository chats,
                             SubscriptionRepository subscriptions, SourceAudience audience) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    private SubscriptionIndex(QueryParser parser, SourceAudience audience) {
        this.engine = new MatchEngine();
        this.parser = Objects.requireNonNull(parser, "parser");
        this.chats = null;
        this.subscriptions = null;
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    /**
     * An index of {@code subscriptions} alone, for one question (the articles an on-demand digest of one chat
     * shows); it follows no store, so {@link #loadAll} and {@link #sync} are refused.
     */
    public static SubscriptionIndex snapshot(QueryParser parser, List<Subscription> subscriptions) {
        return snapshot(parser, subscriptions, SourceAudience.everyone());
    }

    /** {@link #snapshot(QueryParser, List)} with who each source's articles may reach. */
    public static SubscriptionIndex snapshot(QueryParser parser, List<Subscription> subscriptions,
                                             SourceAudience audience) {
        SubscriptionIndex index = new SubscriptionIndex(parser, audience);
        subscriptions.forEach(index::add);
        return index;
    }

    /**
     * Holds every subscription of every receiving chat (again, if it held them: adding replaces); returns how many
     * could be used.
     */
    public synchronized int loadAll() {
        Map<Long, List<Subscription>> byChat = store().ofReceivingChats().stream()
                .collect(Collectors.groupingBy(Subscription::chatId, LinkedHashMap::new, Collectors.toList()));
        int loaded = 0;
        for (Map.Entry<Long, List<Subscription>> chat : byChat.entrySet()) {
            loaded += hold(chat.getKey(), chat.getValue());
        }
        return loaded;
    }

    /** Makes the index agree with the store for one chat, after a change to it was committed. */
    public synchronized void sync(long chatId) {
        SubscriptionRepository store = store();
        Set<Long> before = held.remove(chatId);
        if (before != null) {
            before.forEach(this::remove);
        }
        Optional<Chat> chat = chats.find(chatId);
        if (chat.isPresent() && chat.get().receiving()) {
            hold(chatId, store.list(chatId));
        }
    }

    private SubscriptionRepository store() {
        if (subscriptions == null) {
            throw new IllegalStateException("a snapshot follows no store");
        }
        return subscriptions;
    }

    private int hold(long chatId, List<Subscription> list) {
        Set<Long> ids = list.stream().filter(this::add).map(Subscription::id).collect(Collectors.toSet());
        if (!ids.isEmpty()) {
            held.put(chatId, ids);
        }
        return ids.size();
    }

    /** Holds (or replaces, by id) a subscription for matching; false when its query cannot be used. */
    private synchronized boolean add(Subscription subscription) {
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

    private synchronized boolean remove(long subscriptionId) {
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

    /** Who each source's articles may reach, as this index filters its hits. */
    public SourceAudience audience() {
        return audience;
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
