package dev.mojaz.delivery.dispatch;

import dev.mojaz.config.DigestConfig;
import dev.mojaz.delivery.compose.NewsFormatter;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.Storage;
import dev.mojaz.match.SubscriptionIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instant alerts: every article stored since the last run is matched against everyone's subscriptions, and each
 * matching chat that is active, not paused and has alerts on gets one alert per story.
 *
 * <p>The position is the id of the last article handled, kept in bot state ({@value #CURSOR}) and advanced in the
 * same transaction as that article's deliveries, so a crash repeats no alert and skips none; {@link
 * dev.mojaz.domain.OutboxRepository#deliverStory} records (chat, story) pairs, so a near-duplicate from another source,
 * or the same story told again, reaches nobody twice. An alert during the chat's quiet hours is enqueued to go out
 * when they end. On the very first start ({@link #initialize}) the position is set after the newest article already
 * stored: a bot started on a full database does not alert about the past.
 */
public final class AlertDispatcher {
    /** The bot-state name of the last article handled. */
    public static final String CURSOR = "dispatcher.last-article-id";
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final int BATCH = 200;

    private final Storage store;
    private final SubscriptionIndex subscriptions;
    private final NewsFormatter formatter;
    private final DigestConfig config;
    private final Function<String, String> sourceNames;
    private final Clock clock;

    public AlertDispatcher(Storage store, SubscriptionIndex subscriptions, NewsFormatter formatter, DigestConfig config,
                           Function<String, String> sourceNames, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.config = Objects.requireNonNull(config, "config");
        this.sourceNames = Objects.requireNonNull(sourceNames, "sourceNames");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fixes the starting position if there is none yet (after the newest article stored so far), and returns the
     * position. Call it before sources are first polled, so that what the first poll stores counts as new.
     */
    public synchronized long initialize() {
        return cursor();
    }

    /**
     * Handles every article stored since the last call; returns how many alerts were enqueued. Several instances may
     * call it at once on one database: each article is handled by one of them (articles commit in id order, so none
     * is passed over).
     */
    public synchronized int dispatchNew() {
        long cursor = cursor();
        int enqueued = 0;
        while (true) {
            List<StoredArticle> batch = store.articles().afterId(cursor, BATCH);
            if (batch.isEmpty()) {
                return enqueued;
            }
            for (StoredArticle article : batch) {
                enqueued += dispatch(article);
                cursor = article.id();
            }
        }
    }

    private long cursor() {
        var saved = store.botState().getLong(CURSOR);
        if (saved.isPresent()) {
            return saved.getAsLong();
        }
        long start = store.articles().newestSince(Instant.EPOCH, 1).stream().mapToLong(StoredArticle::id).findFirst()
                .orElse(0);
        store.botState().putLong(CURSOR, start);
        return start;
    }

    /** Enqueues the alerts for one article and moves the position past it, in one transaction. */
    private int dispatch(StoredArticle stored) {
        Instant now = clock.instant();
        List<Alert> alerts = stored.article().time().isBefore(now.minus(config.alertMaxAge()))
                ? List.of() : alertsFor(stored, now);
        return store.transaction(() -> {
            // First the position, so that of several instances dispatching at once one does this article and the
            // others, finding the position already past it, stop here (each delivery is once per chat and story
            // anyway); the position only ever moves forward.
            if (!store.botState().advanceLong(CURSOR, stored.id())) {
                return 0;
            }
            int delivered = 0;
            for (Alert alert : alerts) {
                if (store.deliveries().deliverStory(alert.chatId(), stored.storyId(), stored.id(), List.of(alert.message()))) {
                    delivered++;
                }
            }
            return delivered;
        });
    }

    private record Alert(long chatId, NewMessage message) {
    }

    private List<Alert> alertsFor(StoredArticle stored, Instant now) {
        // One alert per chat: under the first of its subscriptions that matched (oldest first).
        Map<Long, SubscriptionIndex.Hit> firstHit = subscriptions.match(stored.article()).stream()
                .sorted(Comparator.comparingLong(SubscriptionIndex.Hit::subscriptionId))
                .collect(Collectors.toMap(SubscriptionIndex.Hit::chatId, hit -> hit, (a, b) -> a, LinkedHashMap::new));
        List<Alert> alerts = new ArrayList<>(firstHit.size());
        for (SubscriptionIndex.Hit hit : firstHit.values()) {
            Optional<Chat> found = store.chats().find(hit.chatId());
            if (found.isEmpty() || !found.get().receiving() || !found.get().settings().alerts()) {
                continue;
            }
            Chat chat = found.get();
            if (store.deliveries().isDelivered(chat.id(), stored.storyId())) {
                continue; // saves formatting; deliverStory would refuse it anyway
            }
            try {
                String label = hit.wholeSource() ? sourceNames.apply(hit.sourceId()) : hit.query();
                NewMessage message = formatter.alertRow(chat, stored, label);
                Optional<Instant> held = QuietTime.heldUntil(chat.settings(), now);
                alerts.add(new Alert(chat.id(), held.map(message::withNotBefore).orElse(message)));
            } catch (RuntimeException e) {
                log.error("could not write the alert for article {} to chat {}", stored.id(), chat.id(), e);
            }
        }
        return alerts;
    }
}
