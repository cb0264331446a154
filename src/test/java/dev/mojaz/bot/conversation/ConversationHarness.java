package dev.mojaz.bot.conversation;

import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.telegram.LongPollingIntake;
import dev.mojaz.bot.telegram.TelegramChatAdmins;
import dev.mojaz.bot.telegram.TelegramConnection;
import dev.mojaz.bot.telegram.TelegramFiles;
import dev.mojaz.bot.telegram.TelegramGateway;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.BotConfig;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.PersonalSourcesConfig;
import dev.mojaz.config.MatchConfig;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.dispatch.OnDemandDigest;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.i18n.Texts;
import dev.mojaz.ingest.TestFetchConfig;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractionCache;
import dev.mojaz.ingest.http.HttpFetcher;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SourceAudience;
import dev.mojaz.match.SubscriptionIndex;
import dev.mojaz.store.Database;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.text.BoilerplateFilter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conversation wired as {@code run} wires it, against the fake Bot API server: the real TelegramBots client
 * and long polling, a real SQLite file in {@code dir}, the real fetcher, extractor and summariser, and replies sent
 * from the outbox by the test-only {@link OutboxDrain} as soon as a turn commits them.
 */
final class ConversationHarness implements AutoCloseable {
    static final long ADMIN = 4242;
    static final Texts TEXTS = Texts.load();
    static final MojazConfig DEFAULTS = new ConfigLoader(Map.of()).defaults();

    /** What a test may change. */
    static final class Options {
        boolean allowPrivateAddresses = true;
        int summariesPerPerson = 10;
        int maxQueriesPerChat = 50;
        /** The fetch's read and total timeout: never reached by the local site unless a test means it to be. */
        Duration fetchTimeout = Duration.ofSeconds(60);
        Duration pollRetry = Duration.ofMillis(50);
        /** telegram.admins: the admin person, and whatever chat ids a test adds. */
        final List<Long> admins = new java.util.ArrayList<>(List.of(ADMIN));
        /** Updates of different chats handled at once ({@code telegram.update-workers}). */
        int updateWorkers = 4;
        /** Link summaries made at once in the background; 0 makes them in the turn. */
        int summaryWorkers = 2;
        /**
         * SQLite settings for the bot's connections over the product's (busy_timeout, max_page_count); empty for
         * {@code Store.open} exactly as {@code run} opens it.
         */
        final java.util.Properties storeProperties = new java.util.Properties();
        /** Waits before the intake tries an update the store refused again. */
        Sleeper intakeSleeper = Sleeper.system(Clock.systemUTC());
        /** How long a getUpdates waits for updates (a poll that ends empty is followed by the next at once). */
        Duration pollTimeout = Duration.ofSeconds(2);
        /** What the test digest answers: this many articles (a digest message is enqueued when more than 0). */
        final AtomicInteger digestArticles = new AtomicInteger();
        /** bot.personal-sources: the limits on /add. */
        PersonalSourcesConfig personalSources = DEFAULTS.bot().personalSources();
    }

    final FakeTelegramServer server;
    final Options options;
    final SqlStorage store;
    final MatchEngine engine = new MatchEngine();
    final SubscriptionIndex live;
    final SourceCatalog catalog;
    final Summarizer summarizer = new Summarizer(DEFAULTS.summary());
    final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());
    final HttpFetcher fetcher;
    final TelegramConnection connection;
    final OutboxDrain drain;
    final Conversation conversation;
    final LongPollingIntake intake;

    ConversationHarness(FakeTelegramServer server, Path dir, Options options) throws Exception {
        this.server = server;
        this.options = options;
        Clock clock = Clock.systemUTC();
        this.store = options.storeProperties.isEmpty() ? SqlStorage.open(new StoreConfig("mojaz.db", 30), dir, clock)
                : new SqlStorage(Database.open("jdbc:sqlite:" + databaseFile(dir), options.storeProperties,
                        Database.DEFAULT_READERS), clock, 30);
        this.catalog = new SourceCatalog(DEFAULTS.sources(), store.sources());
        // who each source's articles reach (a personal source's, its owners only), as run wires it
        this.live = new SubscriptionIndex(engine, new QueryParser(DEFAULTS.match(), List.of()), store.chats(),
                store.subscriptions(), new SourceAudience(store.personalSources()::restricted));
        TestFetchConfig fetch = TestFetchConfig.defaults();
        fetch.allowPrivateAddresses = options.allowPrivateAddresses;
        fetch.maxRetries = 0;
        fetch.readTimeout = options.fetchTimeout;
        fetch.totalTimeout = options.fetchTimeout;
        this.fetcher = new HttpFetcher(fetch.build(), clock);
        TelegramConfig t = DEFAULTS.telegram();
        TelegramConfig telegram = new TelegramConfig(server.baseUri(), List.copyOf(options.admins), t.requestTimeout(),
                t.pollTimeout(), t.linkPreviews(), t.defaultLanguage(),
                new TelegramConfig.Limits(1000, Duration.ofMillis(1), 1000, 3, options.summariesPerPerson,
                        Duration.ofHours(1)), t.retry(), t.mode(), t.webhook(), t.senderThreads(), options.updateWorkers,
                options.summaryWorkers);
        this.connection = new TelegramConnection(server.baseUri(), server.token(), Duration.ofSeconds(30),
                options.pollTimeout);
        TelegramGateway gateway = new TelegramGateway(connection.client());
        String username = gateway.whoAmI().username();
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 3);
        MessageSender sender = new MessageSender(gateway, new RateLimiter(telegram.limits(), clock),
                Sleeper.system(clock), clock, backoff);
        this.drain = new OutboxDrain(store, sender);
        OnDemandDigest digest = chatId -> {
            int articles = options.digestArticles.get();
            if (articles > 0) {
                store.deliveries().enqueue(chatId, List.of(NewMessage.html("<b>Test digest</b> of " + articles)));
            }
            return articles;
        };
        this.conversation = Conversation.builder()
                .store(store)
                .subscriptions(live)
                .matchConfig(new MatchConfig(options.maxQueriesPerChat, DEFAULTS.match().maxQueryLength(),
                        DEFAULTS.match().maxTermsPerQuery()))
                .sources(catalog)
                .fetcher(fetcher)
                .extractor(extractor)
                .extractionCache(new ExtractionCache(1 << 20, Duration.ofMinutes(5)))
                .summarizer(summarizer)
                .digest(digest)
                .texts(TEXTS)
                .telegramConfig(telegram)
                .botConfig(botConfig(options))
                .clock(clock)
                .botUsername(username)
                .ephemeralSender(sender)
                .chatAdmins(new TelegramChatAdmins(connection.client()))
                .files(new TelegramFiles(connection))
                .onEnqueued(drain::drainQuietly)
                .build();
        // as the real outbox sender does at start: what a previous run left half-sent goes again, then everything due
        store.deliveries().requeueInterrupted();
        drain.drain();
        this.intake = new LongPollingIntake(connection, conversation.updateOffsets(), conversation,
                new Backoff(options.pollRetry, options.pollRetry, 3), clock, options.updateWorkers,
                options.intakeSleeper);
        intake.start();
    }

    private static BotConfig botConfig(Options options) {
        BotConfig b = DEFAULTS.bot();
        return new BotConfig(b.defaultTimeZone(), b.defaultDigestHours(), b.defaultSummarySentences(), b.defaultAlerts(),
                b.timeZones(), b.textSummaryMinSentences(), b.maxOpmlBytes(), b.suggestedTopics(),
                options.personalSources);
    }

    /** The SQLite file the bot keeps its state in, under the test's folder. */
    static Path databaseFile(Path dir) {
        return dir.resolve("mojaz.db");
    }

    /**
     * Waits until the outbox is drained (the drain runs on the polling thread after each turn; its lock makes this a
     * barrier), so that a test can stop the bot without leaving a message half-sent.
     */
    void settle() throws InterruptedException {
        drain.drain();
    }

    @Override
    public void close() {
        intake.close();
        conversation.close();
        connection.close();
        fetcher.close();
        store.close();
    }
}
