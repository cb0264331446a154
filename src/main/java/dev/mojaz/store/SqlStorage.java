package dev.mojaz.store;

import dev.mojaz.config.StoreConfig;
import dev.mojaz.domain.ChatRepository;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Storage} over one database (SQLite, or PostgreSQL through {@link Database#open}): its repositories, opened
 * with the schema brought up to date.
 *
 * <pre>{@code
 * try (Storage storage = SqlStorage.open(config.store(), workingDirectory, clock)) {
 *     Chat chat = storage.chats().register(id, ChatKind.PRIVATE, "Huda", ChatSettings.defaults("ar", zone));
 * }
 * }</pre>
 */
public final class SqlStorage implements Storage {
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
    public SqlStorage(Database database, Clock clock, int retentionDays) {
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
    public static SqlStorage open(StoreConfig config, Path workingDirectory, Clock clock) {
        Path file = workingDirectory.resolve(config.path());
        return new SqlStorage(Database.openSqlite(file), clock, config.retentionDays());
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return database.write(sql -> work.get());
    }

    @Override
    public void transaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        database.write(sql -> {
            work.run();
            return null;
        });
    }

    @Override
    public ArticleStore articles() {
        return articles;
    }

    @Override
    public SourceStore sources() {
        return sources;
    }

    @Override
    public SourceStateStore sourceStates() {
        return sourceStates;
    }

    @Override
    public ChatStore chats() {
        return chats;
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public DeliveryStore deliveries() {
        return deliveries;
    }

    @Override
    public BotStateStore botState() {
        return botState;
    }

    @Override
    public HandledUpdateStore handledUpdates() {
        return handledUpdates;
    }

    @Override
    public SummaryRequestStore summaryRequests() {
        return summaryRequests;
    }

    @Override
    public PersonalSourceStore personalSources() {
        return personalSources;
    }

    @Override
    public Pruned prune() {
        return retention.prune();
    }

    /** The pruning, for tests that give it their own batch size or clock. */
    public Retention retention() {
        return retention;
    }

    public Database database() {
        return database;
    }

    @Override
    public Stats stats() {
        ChatRepository.Counts chatCounts = chats.counts();
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
