package dev.mojaz.store;

import dev.mojaz.config.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The store: one database and its repositories, opened with the schema brought up to date.
 *
 * <pre>{@code
 * try (Store store = Store.open(config.store(), workingDirectory, clock)) {
 *     Chat chat = store.chats().register(id, ChatKind.PRIVATE, "Huda", ChatSettings.defaults("ar", zone));
 *     store.transaction(() -> { ...several repository calls, all or nothing... });
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private final Database database;
    private final ArticleStore articles;
    private final SourceStore sources;
    private final SourceStateStore sourceStates;
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final BotStateStore botState;
    private final HandledUpdateStore handledUpdates;
    private final SummaryRequestStore summaryRequests;
    private final PersonalSourceStore personalSources;
    private final Retention retention;

    /** Takes ownership of {@code database}: closing the store closes it. */
    public Store(Database database, Clock clock, int retentionDays) {
        this.database = Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        this.articles = new ArticleStore(database);
        this.sources = new SourceStore(database, clock);
        this.sourceStates = new SourceStateStore(database);
        this.chats = new ChatStore(database, clock);
        this.subscriptions = new SubscriptionStore(database, clock);
        this.deliveries = new DeliveryStore(database, clock);
        this.botState = new BotStateStore(database, clock);
        this.handledUpdates = new HandledUpdateStore(database, clock);
        this.summaryRequests = new SummaryRequestStore(database, clock);
        this.personalSources = new PersonalSourceStore(database, clock);
        this.retention = new Retention(database, clock, retentionDays);
    }

    /**
     * Opens the SQLite database that {@code config} names ({@code store.path}, relative to {@code workingDirectory};
     * created with its folder when missing) and migrates it to the latest schema.
     */
    public static Store open(StoreConfig config, Path workingDirectory, Clock clock) {
        Path file = workingDirectory.resolve(config.path());
        return new Store(Database.openSqlite(file), clock, config.retentionDays());
    }

    /**
     * Runs {@code work} as one transaction: the repository calls it makes commit together, or, if it throws, none of
     * them does.
     */
    public <T> T transaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return database.write(sql -> work.get());
    }

    /** {@link #transaction(Supplier)} for work without a result. */
    public void transaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        database.write(sql -> {
            work.run();
            return null;
        });
    }

    public ArticleStore articles() {
        return articles;
    }

    public SourceStore sources() {
        return sources;
    }

    public SourceStateStore sourceStates() {
        return sourceStates;
    }

    public ChatStore chats() {
        return chats;
    }

    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    public DeliveryStore deliveries() {
        return deliveries;
    }

    public BotStateStore botState() {
        return botState;
    }

    public HandledUpdateStore handledUpdates() {
        return handledUpdates;
    }

    public SummaryRequestStore summaryRequests() {
        return summaryRequests;
    }

    /** Sources people added for themselves, their owners, and blocked domains. */
    public PersonalSourceStore personalSources() {
        return personalSources;
    }

    public Retention retention() {
        return retention;
    }

    public Database database() {
        return database;
    }

    /** Figures for /stats and {@code status}. */
    public record Stats(long chats, long receivingChats, long subscriptions, long articles, long outboxWaiting,
            long outboxDead) {
    }

    public Stats stats() {
        ChatStore.Counts chatCounts = chats.counts();
        var outbox = deliveries.counts();
        long waiting = outbox.get(OutboxMessage.State.PENDING) + outbox.get(OutboxMessage.State.SENDING)
                + outbox.get(OutboxMessage.State.FAILED);
        return new Stats(chatCounts.all(), chatCounts.receiving(), subscriptions.count(), articles.count(), waiting,
                outbox.get(OutboxMessage.State.DEAD));
    }

    @Override
    public void close() {
        database.close();
    }
}
