package dev.mojaz.delivery.dispatch;

import dev.mojaz.config.DigestConfig;
import dev.mojaz.delivery.compose.NewsFormatter;
import dev.mojaz.delivery.compose.OutboxCodec;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.DueDigest;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.Storage;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests: at each chosen hour in the chat's time zone ({@link dev.mojaz.domain.ChatRepository#dueForDigest}), the
 * articles that matched the chat's subscriptions since its last digest, written by {@link NewsFormatter} and enqueued
 * with {@link dev.mojaz.domain.OutboxRepository#enqueueDigest}, which records the digest hour as done in the same
 * transaction: a digest is cut once per hour, however often this runs and across restarts. An empty digest is not
 * sent unless {@code digest.send-empty}, but its hour counts as done all the same.
 *
 * <p>Also {@link OnDemandDigest}: {@code /digest} gets the same digest at once.
 */
public final class DigestScheduler implements OnDemandDigest {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    /**
     * A digest covers articles fetched up to this long before it is cut: an article is stamped when its page is
     * fetched and stored a moment later (extraction, summary), so one fetched just before the cut could otherwise
     * commit after the digest read the store and fall between two digests.
     */
    static final Duration INGEST_MARGIN = Duration.ofMinutes(1);

    private final Storage store;
    private final SubscriptionIndex live;
    private final Supplier<QueryParser> parsers;
    private final NewsFormatter formatter;
    private final DigestConfig config;
    private final Function<String, String> sourceNames;
    private final Clock clock;

    /**
     * @param live    everyone's subscriptions, for the digests due at one hour (each article matched once)
     * @param parsers a parser for one chat's own subscriptions, for {@code /digest}
     */
    public DigestScheduler(Storage store, SubscriptionIndex live, Supplier<QueryParser> parsers, NewsFormatter formatter,
                           DigestConfig config, Function<String, String> sourceNames, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.live = Objects.requireNonNull(live, "live");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.config = Objects.requireNonNull(config, "config");
        this.sourceNames = Objects.requireNonNull(sourceNames, "sourceNames");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Cuts and enqueues every digest due now; returns how many chats' digest hours were handled. */
    public synchronized int sendDue() {
        Instant now = clock.instant();
        List<DueDigest> due = store.chats().dueForDigest(now);
        if (due.isEmpty()) {
            return 0;
        }
        Instant earliest = due.stream().map(d -> from(d.since(), now)).min(Instant::compareTo).orElseThrow();
        // Each article is matched once against everyone's subscriptions, then shared out to the chats due.
        Map<Long, List<Matched>> byChat = new HashMap<>();
        for (StoredArticle article : store.articles().newestSince(earliest, config.maxArticlesScanned())) {
            for (SubscriptionIndex.Hit hit : live.match(article.article())) {
                byChat.computeIfAbsent(hit.chatId(), id -> new ArrayList<>())
                        .add(new Matched(hit.subscriptionId(), new NewsFormatter.Item(label(hit), article)));
            }
        }
        // People who follow the same queries get the same digest: it is written once per run.
        Map<DigestKey, List<NewMessage>> written = new HashMap<>();
        List<Cut> cuts = new ArrayList<>(due.size());
        for (DueDigest digest : due) {
            try {
                Instant cut = cut(digest.slot(), now);
                List<NewsFormatter.Item> items = within(byChat.getOrDefault(digest.chat().id(), List.of()),
                        from(digest.since(), now), cut);
                List<NewMessage> rows = written.computeIfAbsent(DigestKey.of(digest.chat(), items),
                        key -> rows(digest.chat(), items, now));
                cuts.add(new Cut(digest.chat().id(), digest.slot(), cut, rows));
            } catch (RuntimeException e) {
                log.error("the digest of chat {} could not be made; it is tried again at the next run", digest.chat().id(), e);
            }
        }
        int handled = 0;
        for (int from = 0; from < cuts.size(); from += WRITE_BATCH) {
            List<Cut> batch = cuts.subList(from, Math.min(cuts.size(), from + WRITE_BATCH));
            try {
                handled += store.transaction(() -> {
                    int done = 0;
                    for (Cut cut : batch) {
                        if (store.deliveries().enqueueDigest(cut.chatId(), cut.slot(), cut.cutAt(), cut.rows())) {
                            done++;
                        }
                    }
                    return done;
                });
            } catch (RuntimeException e) {
                log.error("{} digests could not be stored; they are tried again at the next run", batch.size(), e);
            }
        }
        return handled;
    }

    /** Digests stored per transaction: a few hundred small writes commit together. */
    private static final int WRITE_BATCH = 200;

    /** One chat's digest, ready to store. */
    private record Cut(long chatId, Instant slot, Instant cutAt, List<NewMessage> rows) {
    }

    /** What makes two chats' digests the same text. */
    private record DigestKey(String language, java.time.ZoneId zone, int sentences, boolean previews,
                             List<String> items) {
        static DigestKey of(Chat chat, List<NewsFormatter.Item> items) {
            return new DigestKey(chat.settings().language(), chat.settings().timeZone(),
                    chat.settings().summarySentences(), chat.settings().linkPreviews(),
                    items.stream().map(i -> i.article().id() + "\u0000" + i.label()).sorted().toList());
        }
    }

    /**
     * {@inheritDoc} Matched against the chat's own subscriptions (a paused chat asking still gets its digest); the
     * next scheduled digest covers what comes after this one.
     */
    @Override
    public int enqueueNow(long chatId) {
        Optional<Chat> found = store.chats().find(chatId);
        if (found.isEmpty()) {
            return 0;
        }
        Chat chat = found.get();
        Instant now = clock.instant();
        // the chat's own subscriptions, reached by the same sources as in the live index (not others' own sources)
        SubscriptionIndex own = SubscriptionIndex.snapshot(parsers.get(), store.subscriptions().list(chatId),
                live.audience());
        Instant since = from(chat.lastDigest() != null ? chat.lastDigest() : chat.created(), now);
        List<NewsFormatter.Item> items = new ArrayList<>();
        for (StoredArticle article : store.articles().newestSince(since, config.maxArticlesScanned())) {
            own.match(article.article()).stream().min((a, b) -> Long.compare(a.subscriptionId(), b.subscriptionId()))
                    .ifPresent(hit -> items.add(new NewsFormatter.Item(label(hit), article)));
        }
        List<NewsFormatter.Item> chosen = NewsFormatter.choose(items, config.maxItems());
        if (chosen.isEmpty()) {
            return 0;
        }
        List<NewMessage> rows = rows(chat, chosen, now);
        if (!store.deliveries().enqueueDigest(chatId, now, now, rows)) {
            store.deliveries().enqueue(chatId, rows); // a digest cut this very millisecond: send it all the same
        }
        return chosen.size();
    }

    private List<NewMessage> rows(Chat chat, List<NewsFormatter.Item> items, Instant now) {
        List<OutgoingMessage> messages = formatter.digest(chat, items, config.maxItems(), now);
        if (messages.isEmpty() && config.sendEmpty()) {
            messages = List.of(formatter.emptyDigest(chat));
        }
        return messages.stream().map(OutboxCodec::toRow).toList();
    }

    /** An article one of a chat's subscriptions matched. */
    private record Matched(long subscriptionId, NewsFormatter.Item item) {
    }

    /**
     * The articles fetched in {@code (after, upTo]}, each once, under the oldest of the chat's subscriptions that
     * matched it.
     */
    private static List<NewsFormatter.Item> within(List<Matched> matches, Instant after, Instant upTo) {
        Map<Long, Matched> first = new HashMap<>();
        for (Matched match : matches) {
            Instant fetched = match.item().article().article().fetched();
            if (fetched.isAfter(after) && !fetched.isAfter(upTo)) {
                first.merge(match.item().article().id(), match,
                        (a, b) -> a.subscriptionId() <= b.subscriptionId() ? a : b);
            }
        }
        return first.values().stream().map(Matched::item).toList();
    }

    private String label(SubscriptionIndex.Hit hit) {
        return hit.wholeSource() ? sourceNames.apply(hit.sourceId()) : hit.query();
    }

    /** Where a digest starts: after the last one, but never further back than {@code digest.lookback}. */
    private Instant from(Instant since, Instant now) {
        Instant limit = now.minus(config.lookback());
        return since.isBefore(limit) ? limit : since;
    }

    private static Instant cut(Instant slot, Instant now) {
        Instant margin = now.minus(INGEST_MARGIN);
        return margin.isBefore(slot) ? slot : margin;
    }
}
