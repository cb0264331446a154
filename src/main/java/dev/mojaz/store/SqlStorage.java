package dev.mojaz.store;

import dev.mojaz.config.StoreConfig;
import dev.mojaz.domain.ChatRepository;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.SessionLock;
import dev.mojaz.domain.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
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
    private final InstanceStore instances;
    private final ChatChangeFeed chatChanges;

    /** Takes ownership of {@code database}: closing the store closes it. */
    public SqlStorage(Database database, Clock clock, int retentionDays) {
        this.database = Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        this.articles = new ArticleStore(database);
        this.sources = new SourceStore(database, clock);
        this.sourceStates = new SourceStateStore(database);
        this.chats = new ChatStore(database, clock);
        this.subscriptions = new SubscriptionStore(database, clock);
        this.instances = new InstanceStore(database, clock);
        this.chatChanges = new ChatChangeFeed(database);
        this.deliveries = new DeliveryStore(database, clock, instances.id());
        this.botState = new BotStateStore(database, clock);
        this.handledUpdates = new HandledUpdateStore(database, clock);
        this.summaryRequests = new SummaryRequestStore(database, clock);
        this.personalSources = new PersonalSourceStore(database, clock);
        this.retention = new Retention(database, clock, retentionDays);
    }

    /**
     * Opens the database that {@code config} names and migrates it to the latest schema: the PostgreSQL server of
     * {@code store.url} when set, else the SQLite file of {@code store.path} (relative to {@code workingDirectory};
     * created with its folder when missing). For commands that may run beside the bot ({@code status}, {@code db
     * prune}); the bot itself opens with {@link #openForBot}.
     */
    public static SqlStorage open(StoreConfig config, Path workingDirectory, Clock clock) {
        return new SqlStorage(database(config, workingDirectory, false), clock, config.retentionDays());
    }

    /**
     * {@link #open}, for a bot ({@code run}, {@code console}): on SQLite it must be the file's only bot, and a second
     * one is refused ({@link StoreInUseException}) before it touches the schema. On PostgreSQL any number of
     * instances share the database.
     */
    public static SqlStorage openForBot(StoreConfig config, Path workingDirectory, Clock clock) {
        return new SqlStorage(database(config, workingDirectory, true), clock, config.retentionDays());
    }

    /** Creates the database when missing (SQLite) and brings its schema up to date; says what it did. */
    public static Migrations.Result migrate(StoreConfig config, Path workingDirectory) {
        if (config.usesPostgresql()) {
            return Migrations.migrate(Dialect.POSTGRESQL,
                    Database.dataSource(Dialect.POSTGRESQL, config.url(), credentials(config)));
        }
        return Database.migrateSqlite(workingDirectory.resolve(config.path()));
    }

    private static Properties credentials(StoreConfig config) {
        Properties credentials = new Properties();
        if (config.password() != null) {
            credentials.setProperty("password", config.password());
        }
        return credentials;
    }

    private static Database database(StoreConfig config, Path workingDirectory, boolean bot) {
        if (config.usesPostgresql()) {
            return Database.open(config.url(), credentials(config), Database.DEFAULT_POOL_SIZE);
        }
        Path file = workingDirectory.resolve(config.path());
        return bot ? Database.openSqliteExclusively(file) : Database.openSqlite(file);
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

    @Override
    public ChatChangeFeed chatChanges() {
        return chatChanges;
    }

    @Override
    public InstanceStore instances() {
        return instances;
    }

    @Override
    public SessionLock sessionLock(String name) {
        return new AdvisorySessionLock(database, name);
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
