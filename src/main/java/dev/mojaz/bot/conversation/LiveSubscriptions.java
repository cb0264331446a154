package dev.mojaz.bot.conversation;

import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionQuery;
import dev.mojaz.store.Chat;
import dev.mojaz.store.Store;
import dev.mojaz.store.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live {@link MatchEngine} in step with the store: every subscription of a receiving chat (active, not
 * paused) is registered, nothing else. The conversation calls {@link #sync} after each change it commits (subscribe,
 * unsubscribe, /stop, /start, blocked, forgotten, migrated); the delivery side should call it too when it marks a
 * chat inactive, and {@link #loadAll} once at start.
 *
 * <p>Following a whole source is a subscription with an empty query and a source id: the engine cannot express
 * "every article", so those are kept here, and {@link #match} answers both kinds. The dispatcher should ask
 * {@link #match} rather than the engine alone.
 */
public final class LiveSubscriptions {
    private static final Logger log = LoggerFactory.getLogger(LiveSubscriptions.class);

    /**
     * A subscription an article matched.
     *
     * @param query    the query as shown to people, or "" when the chat follows the whole source
     * @param sourceId the subscription's own source filter (a followed source), or null
     */
    public record Hit(long subscriptionId, long chatId, String query, String sourceId) {
    }

    private final Store store;
    private final MatchEngine engine;
    private final Supplier<QueryParser> parsers;
    // guarded by this
    private final Map<Long, List<Subscription>> byChat = new HashMap<>();
    private final Map<Long, Subscription> byId = new HashMap<>();
    private final Map<String, Map<Long, Long>> followers = new HashMap<>();

    public LiveSubscriptions(Store store, MatchEngine engine, Supplier<QueryParser> parsers) {
        this.store = Objects.requireNonNull(store, "store");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
    }

    /** Registers every subscription of every receiving chat; returns how many. A query that no longer parses is skipped. */
    public synchronized int loadAll() {
        QueryParser parser = parsers.get();
        Map<Long, List<Subscription>> chats = new LinkedHashMap<>();
        for (Subscription subscription : store.subscriptions().ofReceivingChats()) {
            chats.computeIfAbsent(subscription.chatId(), id -> new ArrayList<>()).add(subscription);
        }
        int registered = 0;
        for (Map.Entry<Long, List<Subscription>> chat : chats.entrySet()) {
            unregister(chat.getKey());
            registered += register(chat.getKey(), chat.getValue(), parser);
        }
        return registered;
    }

    /** Brings one chat up to date with the store: its subscriptions if it receives messages, none otherwise. */
    public synchronized void sync(long chatId) {
        unregister(chatId);
        Optional<Chat> chat = store.chats().find(chatId);
        if (chat.isPresent() && chat.get().receiving()) {
            register(chatId, store.subscriptions().list(chatId), parsers.get());
        }
    }

    /** The registered subscriptions an article matches: keyword queries, and whole-source follows of its source. */
    public List<Hit> match(String title, String text, String sourceId) {
        List<SubscriptionQuery> matched = engine.match(title, text, sourceId);
        List<Hit> hits = new ArrayList<>(matched.size());
        synchronized (this) {
            for (SubscriptionQuery m : matched) {
                Subscription s = byId.get(m.id());
                if (s != null) {
                    hits.add(new Hit(s.id(), s.chatId(), s.query(), s.sourceId()));
                }
            }
            if (sourceId != null) {
                followers.getOrDefault(sourceId, Map.of()).forEach((id, chatId) ->
                        hits.add(new Hit(id, chatId, "", sourceId)));
            }
        }
        return hits;
    }

    /** Subscriptions registered now (keyword queries and followed sources). */
    public synchronized int size() {
        return byId.size();
    }

    private int register(long chatId, List<Subscription> subscriptions, QueryParser parser) {
        List<Subscription> registered = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.query().isBlank()) {
                if (s.sourceId() != null) {
                    followers.computeIfAbsent(s.sourceId(), id -> new LinkedHashMap<>()).put(s.id(), chatId);
                    registered.add(s);
                }
                continue;
            }
            try {
                Query query = parser.parse(s.query());
                engine.put(new SubscriptionQuery(s.id(), chatId, query,
                        s.sourceId() == null ? List.of() : List.of(s.sourceId())));
                registered.add(s);
            } catch (InvalidQueryException e) {
                log.warn("subscription {} of chat {} ('{}') is not used: {}", s.id(), chatId, s.query(), e.getMessage());
            }
        }
        registered.forEach(s -> byId.put(s.id(), s));
        if (!registered.isEmpty()) {
            byChat.put(chatId, registered);
        }
        return registered.size();
    }

    private void unregister(long chatId) {
        List<Subscription> old = byChat.remove(chatId);
        if (old == null) {
            return;
        }
        for (Subscription s : old) {
            byId.remove(s.id());
            if (s.query().isBlank()) {
                Map<Long, Long> of = followers.get(s.sourceId());
                if (of != null) {
                    of.remove(s.id());
                    if (of.isEmpty()) {
                        followers.remove(s.sourceId());
                    }
                }
            } else {
                engine.remove(s.id());
            }
        }
    }
}
