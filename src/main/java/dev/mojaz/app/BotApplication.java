package dev.mojaz.app;

import dev.mojaz.bot.chat.ChatAdmins;
import dev.mojaz.bot.chat.FileDownloads;
import dev.mojaz.bot.conversation.Conversation;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.DaemonThreads;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.compose.NewsFormatter;
import dev.mojaz.delivery.dispatch.AlertDispatcher;
import dev.mojaz.delivery.dispatch.DigestScheduler;
import dev.mojaz.delivery.outbox.ChatLifecycle;
import dev.mojaz.delivery.outbox.MessageGateway;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.OutboxSender;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.domain.Storage;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Texts;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractionCache;
import dev.mojaz.ingest.poll.PollReport;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SourceAudience;
import dev.mojaz.match.SubscriptionIndex;
import dev.mojaz.text.BoilerplateFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot without its Telegram connection, wired by constructor injection: the live subscriptions (loaded from the
 * store), instant alerts, digests, the outbox with its sender, the conversation's router with replies through the
 * outbox, and the loops that drive them. {@code run} puts it behind the Bot API ({@link TelegramBot}); {@code console}
 * drives the same parts step by step ({@link #pollNow}, {@link #dispatchNow}, {@link #sendNow}).
 *
 * <p>Threads (all daemon, all stopped by {@link #close}): the sender's claiming thread and workers, one dispatch
 * thread (alerts after every poll that stored something and every {@code digest.interval}; due digests at the same
 * times), and one timer that starts due source polls and prunes the store daily.
 */
public final class BotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotApplication.class);
    /** Extraction results of links people send, kept by URL so a link many people send is extracted once. */
    private static final long EXTRACTION_CACHE_BYTES = 32L << 20;

    /**
     * When the background loops run.
     *
     * @param pollTick          how often due sources are looked for; null polls nothing in the background
     * @param dispatchInterval  how often alerts and due digests are looked for (alerts also right after each poll)
     * @param retentionInterval how often the store is pruned; null never
     */
    public record Schedule(Duration pollTick, Duration dispatchInterval, Duration retentionInterval) {
        public Schedule {
            Objects.requireNonNull(dispatchInterval, "dispatchInterval");
        }

        /** What {@code run} uses: sources every 15 seconds, dispatch every {@code digest.interval}, pruning daily. */
        public static Schedule standard(MojazConfig config) {
            return new Schedule(Duration.ofSeconds(15), config.digest().interval(), Duration.ofDays(1));
        }
    }

    private final MojazConfig config;
    private final Clock clock;
    private final Storage store;
    private final Sources sources;
    private final Texts texts;
    private final SubscriptionIndex subscriptions;
    private final AlertDispatcher alerts;
    private final DigestScheduler digests;
    private final OutboxSender sender;
    private final Conversation conversation;
    private final InstanceRoles roles;
    private final InstanceHeartbeat heartbeat;

    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private ScheduledExecutorService dispatchThread;
    private ScheduledExecutorService timer;

    /**
     * @param gateway     where messages go (the Bot API, or the console's printer)
     * @param limiter     Telegram's flood limits as the sender keeps them
     * @param sleeper     waits for send slots
     * @param botUsername the bot's username (empty in the console)
     * @param chatAdmins  who may change a group's settings (Telegram's getChatMember; anyone in the console)
     * @param files       documents people send (OPML imports; none in the console)
     */
    public BotApplication(MojazConfig config, Storage store, Sources sources, MessageGateway gateway, RateLimiter limiter,
                          Sleeper sleeper, Clock clock, String botUsername, ChatAdmins chatAdmins,
                          FileDownloads files) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.texts = Texts.load();
        Language fallback = Language.fromCode(config.telegram().defaultLanguage()).orElse(Language.AR);
        // The matcher takes stored queries as they are: whether a source a query names exists was checked when the
        // person subscribed.
        QueryParser parser = new QueryParser(config.match(), List.of());
        // A personal source's articles reach only its owners' subscriptions; the conversation reloads who they are.
        SourceAudience audience = new SourceAudience(store.personalSources()::restricted);
        this.subscriptions = new SubscriptionIndex(new MatchEngine(), parser, store.chats(), store.subscriptions(),
                audience);
        NewsFormatter formatter = new NewsFormatter(texts, fallback, sources::name);
        this.alerts = new AlertDispatcher(store, subscriptions, formatter, config.digest(), sources::name, clock);
        alerts.initialize();
        this.digests = new DigestScheduler(store, subscriptions, () -> parser, formatter, config.digest(), sources::name,
                clock);
        TelegramConfig telegram = config.telegram();
        Backoff retry = telegram.retry().backoff();
        ChatLifecycle lifecycle = ChatLifecycle.of(store.chats(), subscriptions);
        this.sender = new OutboxSender(store.deliveries(), lifecycle, gateway, limiter, sleeper,
                clock, new OutboxSender.Settings(telegram.senderThreads(), telegram.limits().messagesPerSecond(), retry,
                        Duration.ofMinutes(1),
                        telegram.requestTimeout().plusSeconds(5)));
        // Edits and button answers go at once (they are worth nothing later); everything else through the outbox.
        MessageSender direct = new MessageSender(gateway, limiter, sleeper, clock, retry);
        // Other instances on the same database change subscriptions too: follow their changes from before the
        // conversation loads the subscriptions, so none falls between the load and the first look.
        store.chatChanges().start();
        // The conversation loads every stored subscription of a receiving chat into the index as it is built.
        this.conversation = Conversation.builder()
                .store(store)
                .subscriptions(subscriptions)
                .matchConfig(config.match())
                .sources(sources.catalog())
                .fetcher(sources.fetcher())
                .extractor(new ArticleExtractor(BoilerplateFilter.standard()))
                .extractionCache(new ExtractionCache(EXTRACTION_CACHE_BYTES, config.fetch().cacheTtl()))
                .summarizer(new Summarizer(config.summary()))
                .digest(digests)
                .texts(texts)
                .telegramConfig(telegram)
                .botConfig(config.bot())
                .clock(clock)
                .botUsername(botUsername)
                .ephemeralSender(direct)
                .chatAdmins(chatAdmins)
                .files(files)
                .onEnqueued(sender::wake)
                .sleeper(sleeper)
                .build();
        log.info("{} subscriptions loaded", subscriptions.size());
        this.roles = new InstanceRoles(() -> sources.scheduler().inFlight());
        this.heartbeat = new InstanceHeartbeat(store, roles, sender::wake, this::followOtherInstances);
    }

    /**
     * Brings the live matcher in step with the subscription changes other instances on the same database made
     * (PostgreSQL; nothing to do on SQLite). Before every dispatch and at every heartbeat.
     */
    public void followOtherInstances() {
        Set<Long> changed = store.chatChanges().changedChats();
        for (long chatId : changed) {
            subscriptions.sync(chatId);
        }
        if (!changed.isEmpty()) {
            // A personal source added, promoted or given another owner elsewhere is a chat change too: who may
            // receive its articles is read again.
            subscriptions.audience().reload();
        }
    }

    /** Starts the sender and the background loops. */
    public synchronized void start(Schedule schedule) {
        if (dispatchThread != null) {
            throw new IllegalStateException("already started");
        }
        // Alive in the store before the first claim: another instance must not take our claims for a dead one's.
        heartbeat.start();
        roles.sender(true);
        sender.start();
        dispatchThread = daemonScheduler("mojaz-dispatch");
        dispatchThread.scheduleWithFixedDelay(this::dispatchSafely, 0, schedule.dispatchInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        timer = daemonScheduler("mojaz-timer");
        if (schedule.pollTick() != null) {
            timer.scheduleWithFixedDelay(this::pollDue, 0, schedule.pollTick().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (schedule.retentionInterval() != null) {
            long every = schedule.retentionInterval().toMillis();
            timer.scheduleWithFixedDelay(this::prune, Math.min(every, Duration.ofMinutes(10).toMillis()), every,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Look for new articles and due digests now (coalesced: one run covers many wake-ups). */
    public void wakeDispatcher() {
        ScheduledExecutorService thread;
        synchronized (this) {
            thread = dispatchThread;
        }
        if (thread != null && dispatchQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    dispatchQueued.set(false);
                    dispatchSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                dispatchQueued.set(false); // stopping
            }
        }
    }

    /** Polls every enabled source now and waits; returns how many articles were stored. For the console and tests. */
    public long pollNow() {
        return sources.scheduler().pollAllNow().stream().mapToLong(PollReport::stored).sum();
    }

    /** What one dispatch did. */
    public record Dispatched(int alerts, int digests) {
    }

    /** Enqueues the alerts for new articles and the digests due now, on the calling thread. */
    public Dispatched dispatchNow() {
        followOtherInstances();
        Dispatched done = new Dispatched(alerts.dispatchNew(), digests.sendDue());
        sender.wake();
        return done;
    }

    /** Sends what is due now on the calling thread (for the console and tests; not with {@link #start}). */
    public int sendNow() {
        return sender.sendDue();
    }

    public Conversation conversation() {
        return conversation;
    }

    public SubscriptionIndex subscriptions() {
        return subscriptions;
    }

    public DigestScheduler digests() {
        return digests;
    }

    public AlertDispatcher alerts() {
        return alerts;
    }

    public OutboxSender sender() {
        return sender;
    }

    public Texts texts() {
        return texts;
    }

    /** What this instance does (sending, reading updates, polling), for the heartbeat and the health report. */
    public InstanceRoles roles() {
        return roles;
    }

    public Storage store() {
        return store;
    }

    public MojazConfig config() {
        return config;
    }

    /**
     * Stops the link summaries being made (unfinished ones are made after the restart), the loops and the sender
     * (messages on the wire finish and are recorded; those waiting go back to the queue). The store and the sources
     * belong to whoever made them.
     */
    @Override
    public void close() {
        conversation.close();
        ScheduledExecutorService dispatching;
        ScheduledExecutorService timing;
        synchronized (this) {
            dispatching = dispatchThread;
            timing = timer;
        }
        if (timing != null) {
            timing.shutdownNow();
        }
        if (dispatching != null) {
            dispatching.shutdown();
            try {
                if (!dispatching.awaitTermination(30, TimeUnit.SECONDS)) {
                    dispatching.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sender.close();
        roles.sender(false);
        heartbeat.close();
    }

    private void dispatchSafely() {
        try {
            Dispatched done = dispatchNow();
            if (done.alerts() > 0 || done.digests() > 0) {
                log.info("enqueued {} alert(s) and {} digest(s)", done.alerts(), done.digests());
            }
        } catch (RuntimeException e) {
            log.error("dispatching failed; trying again at the next run", e);
        }
    }

    private void pollDue() {
        try {
            for (var poll : sources.scheduler().pollDue(clock.instant())) {
                poll.thenAccept(report -> {
                    if (report.stored() > 0) {
                        wakeDispatcher();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.error("starting the due polls failed; trying again at the next tick", e);
        }
    }

    private void prune() {
        try {
            Storage.Pruned pruned = store.prune();
            log.info("pruned {} article(s), {} stor(ies), {} delivery record(s), {} finished message(s)",
                    pruned.articles(), pruned.stories(), pruned.deliveries(), pruned.messages());
        } catch (RuntimeException e) {
            log.error("pruning the store failed; trying again tomorrow", e);
        }
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(name));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
