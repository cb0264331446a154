package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.bot.chat.ChatAdmins;
import dev.mojaz.bot.chat.FileDownloads;
import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.bot.command.RequestThrottle;
import dev.mojaz.bot.command.Router;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.BotConfig;
import dev.mojaz.config.MatchConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.dispatch.OnDemandDigest;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.domain.Storage;
import dev.mojaz.domain.StoreException;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguagePreferences;
import dev.mojaz.i18n.LanguageResolver;
import dev.mojaz.i18n.Texts;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractionCache;
import dev.mojaz.ingest.feed.FeedDiscovery;
import dev.mojaz.ingest.http.HttpFetcher;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionIndex;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole conversation: every command, button and message handler, backed by the store, behind one
 * {@link IncomingHandler}. The one entry point the {@code run} and {@code console} commands wire:
 *
 * <pre>{@code
 * Conversation conversation = Conversation.builder()
 *         .store(store)                              // the database: chats, subscriptions, outbox, bot state
 *         .subscriptions(index)                      // SubscriptionIndex: what the dispatcher matches articles with
 *         .matchConfig(config.match())               // query limits, subscriptions per chat
 *         .sources(catalog)                          // configured + run-time sources (admins change them)
 *         .fetcher(fetcher)                          // the application's guarded HttpFetcher, for links and feeds
 *         .extractor(extractor).extractionCache(extractionCache).summarizer(summarizer)
 *         .digest(onDemandDigest)                    // /digest
 *         .texts(Texts.load())
 *         .telegramConfig(config.telegram())         // admins, summary rate limit, link previews, default language
 *         .botConfig(config.bot())                   // a new chat's defaults, what /settings offers
 *         .clock(clock)
 *         .botUsername(identity.username())          // from getMe, to recognise /command@username
 *         .ephemeralSender(sender)                   // edits and button answers; share it with the outbox sender
 *         .chatAdmins(new TelegramChatAdmins(client)) // who may change a group's settings
 *         .files(new TelegramFiles(connection))      // OPML files admins send
 *         .onEnqueued(outboxSender::wake)            // optional: replies were committed to the outbox
 *         .build();
 * new LongPollingIntake(connection, conversation.updateOffsets(), conversation, backoff, clock).start();
 * }</pre>
 *
 * <p>{@link #handle} makes each update one turn ({@link OutboxReplies}): replies go to the durable outbox,
 * committed in the same transaction as the handler's changes and the update id ({@link #updateOffsets()}), so a
 * restart neither loses nor repeats a command; an update whose id is already recorded is skipped. Edits of the
 * bot's keyboards and answers to button presses go directly through the {@link MessageSender} after the commit.
 * Nothing is sent from here: the outbox sender sends what is enqueued. Link summaries are made in the background
 * ({@code telegram.summary-workers}): "working on it" at once, the summary when it is ready, even after a restart;
 * {@link #close()} stops them.
 *
 * <p>{@link #build} loads every stored subscription of a receiving chat into the {@link SubscriptionIndex}
 * (adding replaces, so one the owner loaded already is not doubled), and from then on has the index follow every
 * change the conversation commits, once it is committed ({@link SubscriptionIndex#sync}).
 */
public final class Conversation implements IncomingHandler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final Router router;
    private final OutboxReplies replies;
    private final StoredUpdateOffsets offsets;
    private final StoredLanguages languages;
    private final SubscriptionIndex matcher;
    private final Summaries summaries;
    /** Update ids being handled now, on any thread. */
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();

    private Conversation(Builder b) {
        Storage store = b.store;
        this.offsets = new StoredUpdateOffsets(store);
        this.replies = new OutboxReplies(store, offsets, b.ephemeralSender, b.onEnqueued);
        ChatRegistry chats = new ChatRegistry(store, b.botConfig, b.telegramConfig.linkPreviews());
        this.languages = new StoredLanguages(store, chats);
        Supplier<QueryParser> parsers = new QueryParsers(b.matchConfig,
                () -> b.sources.all().stream().map(SourceConfig::id).toList());
        this.matcher = Objects.requireNonNull(b.subscriptions, "subscriptions");
        Permissions permissions = new Permissions(b.chatAdmins);

        PersonalSources personal = new PersonalSources(store, chats, permissions, replies, matcher, b.sources,
                new FeedDiscovery(b.fetcher), matcher.audience(), b.botConfig.personalSources(),
                b.matchConfig::maxQueriesPerChat, b.clock);
        ChatLifecycle lifecycle = new ChatLifecycle(store, chats, permissions, replies, matcher, languages, b.digest,
                personal);
        Subscriptions subscriptions = new Subscriptions(store, chats, permissions, replies, matcher, parsers, b.sources,
                b.matchConfig, b.botConfig.suggestedTopics(), b.clock, personal);
        Settings settings = new Settings(store, chats, permissions, replies, b.botConfig.timeZones());
        this.summaries = new Summaries(b.fetcher, b.extractor, b.extractionCache, b.summarizer, b.texts,
                new Summaries.Setup(new RequestThrottle(b.telegramConfig.limits(), b.clock), chats,
                        b.botConfig.defaultSummarySentences(), b.botConfig.textSummaryMinSentences(),
                        b.telegramConfig.summaryWorkers(), replies, store, b.sleeper, b.clock));
        Admin admin = new Admin(store, b.sources, b.fetcher, b.files, replies, b.botConfig.maxOpmlBytes(), b.clock,
                personal);
        FreeText text = new FreeText(subscriptions, summaries, admin, personal);

        Language fallback = Language.fromCode(b.telegramConfig.defaultLanguage()).orElse(Language.AR);
        this.router = Router.builder()
                .botUsername(b.botUsername)
                .admins(b.telegramConfig.admins())
                .languages(new LanguageResolver(languages, fallback))
                .texts(b.texts)
                .replies(replies)
                .command(BotCommand.START, lifecycle::start)
                .command(BotCommand.HELP, lifecycle::help)
                .command(BotCommand.LANG, lifecycle::askLanguage)
                .command(BotCommand.STOP, lifecycle::stop)
                .command(BotCommand.FORGET, lifecycle::askForget)
                .command(BotCommand.DIGEST, lifecycle::digestNow)
                .command(BotCommand.SUBSCRIBE, subscriptions::subscribe)
                .command(BotCommand.UNSUBSCRIBE, subscriptions::unsubscribe)
                .command(BotCommand.LIST, subscriptions::list)
                .command(BotCommand.SOURCES, subscriptions::sources)
                .command(BotCommand.ADD, personal::add)
                .command(BotCommand.PROMOTE, personal::promote)
                .command(BotCommand.BLOCK, personal::block)
                .command(BotCommand.SETTINGS, settings::settings)
                .command(BotCommand.SUMMARY, summaries::summaryCommand)
                .command(BotCommand.ADDSOURCE, admin::addSource)
                .command(BotCommand.REMOVESOURCE, admin::removeSource)
                .command(BotCommand.IMPORTOPML, admin::importOpml)
                .command(BotCommand.EXPORTOPML, admin::exportOpml)
                .command(BotCommand.STATS, admin::stats)
                .command(BotCommand.BROADCAST, admin::broadcast)
                .callback(ChatLifecycle.LANG, lifecycle::chooseLanguage)
                .callback(ChatLifecycle.FORGET, lifecycle::forget)
                .callback(Subscriptions.SUBSCRIBE, subscriptions::subscribePressed)
                .callback(Subscriptions.UNSUBSCRIBE, subscriptions::unsubscribePressed)
                .callback(Subscriptions.SOURCES, subscriptions::sourcesPressed)
                .callback(PersonalSources.PREFIX, personal::pressed)
                .callback(Settings.PREFIX, settings::pressed)
                .callback(Admin.BROADCAST, admin::broadcastPressed)
                .callback(Admin.REMOVE_SOURCE, admin::removeSourcePressed)
                .text(text::handle)
                .membership(lifecycle::membershipChanged)
                .migration(lifecycle::migrated)
                .build();
        int loaded = matcher.loadAll();
        log.info("{} subscriptions registered for matching", loaded);
        summaries.resume();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one update as one turn (see the class comment); an update already recorded as handled is skipped.
     * Thread-safe: updates of different chats may be handled at the same time; the intake keeps one chat's in
     * order. The same update handed twice at once (a webhook retry while the first is still in hand) is deferred,
     * so it is handled exactly once.
     *
     * @throws HandlingDeferred    the database failed for now and nothing was committed: hand the same update later
     * @throws InterruptedException the bot is stopping: the update is left for next time unless its work was
     *                              already committed
     */
    @Override
    public void handle(Incoming incoming) throws InterruptedException {
        long id = incoming.updateId();
        // Claim the id before looking it up: a second claimant then either waits for its turn or finds it recorded.
        if (!inHand.add(id)) {
            throw new HandlingDeferred("update " + id + " is being handled already", null);
        }
        try {
            if (wasHandled(id)) {
                log.debug("update {} was handled before; skipped", id);
                return;
            }
            replies.run(id, () -> router.handle(incoming));
        } finally {
            inHand.remove(id);
        }
    }

    private boolean wasHandled(long updateId) {
        try {
            return offsets.wasHandled(updateId);
        } catch (StoreException e) {
            if (e.isTransient()) {
                throw new HandlingDeferred("the database failed for now: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The last handled update id, kept in the store: give it to the intake (long polling or webhook). */
    public UpdateOffsetStore updateOffsets() {
        return offsets;
    }

    /**
     * Stops making link summaries in the background; those unfinished are stored and made after the restart. Stop
     * the intake first.
     */
    @Override
    public void close() {
        summaries.close();
    }

    /** Each chat's language (the chats table), for anything else that speaks to chats (digests, alerts). */
    public LanguagePreferences languages() {
        return languages;
    }

    /** Collects the conversation's dependencies; {@link #build()} checks that each was given. */
    public static final class Builder {
        private Storage store;
        private SubscriptionIndex subscriptions;
        private MatchConfig matchConfig;
        private SourceCatalog sources;
        private HttpFetcher fetcher;
        private ArticleExtractor extractor;
        private ExtractionCache extractionCache;
        private Summarizer summarizer;
        private OnDemandDigest digest;
        private Texts texts;
        private TelegramConfig telegramConfig;
        private BotConfig botConfig;
        private Clock clock;
        private String botUsername;
        private MessageSender ephemeralSender;
        private ChatAdmins chatAdmins;
        private FileDownloads files;
        private Runnable onEnqueued = () -> { };
        private Sleeper sleeper;

        private Builder() {
        }

        public Builder store(Storage value) {
            this.store = value;
            return this;
        }

        /**
         * The live subscriptions the dispatcher matches new articles with (a {@link SubscriptionIndex}); the
         * conversation registers every stored one at {@link #build()} and keeps them in step from then on.
         */
        public Builder subscriptions(SubscriptionIndex value) {
            this.subscriptions = value;
            return this;
        }

        public Builder matchConfig(MatchConfig value) {
            this.matchConfig = value;
            return this;
        }

        /** The effective sources; read afresh, so sources added by admins count at once. */
        public Builder sources(SourceCatalog value) {
            this.sources = value;
            return this;
        }

        public Builder fetcher(HttpFetcher value) {
            this.fetcher = value;
            return this;
        }

        public Builder extractor(ArticleExtractor value) {
            this.extractor = value;
            return this;
        }

        public Builder extractionCache(ExtractionCache value) {
            this.extractionCache = value;
            return this;
        }

        public Builder summarizer(Summarizer value) {
            this.summarizer = value;
            return this;
        }

        public Builder digest(OnDemandDigest value) {
            this.digest = value;
            return this;
        }

        public Builder texts(Texts value) {
            this.texts = value;
            return this;
        }

        public Builder telegramConfig(TelegramConfig value) {
            this.telegramConfig = value;
            return this;
        }

        public Builder botConfig(BotConfig value) {
            this.botConfig = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The bot's username from getMe (without {@code @}); the console may pass any name. */
        public Builder botUsername(String value) {
            this.botUsername = value;
            return this;
        }

        /** Sends edits and button answers at once; share it (and its rate limiter) with the outbox sender. */
        public Builder ephemeralSender(MessageSender value) {
            this.ephemeralSender = value;
            return this;
        }

        /** Who administers a group; {@link ChatAdmins#anyone()} where there are no groups (the console). */
        public Builder chatAdmins(ChatAdmins value) {
            this.chatAdmins = value;
            return this;
        }

        /** Files people send; {@link FileDownloads#none()} where none can arrive. */
        public Builder files(FileDownloads value) {
            this.files = value;
            return this;
        }

        /** Called after a turn committed messages to the outbox, to wake the outbox sender (optional). */
        public Builder onEnqueued(Runnable value) {
            this.onEnqueued = value;
            return this;
        }

        /** Waits before trying the store again (optional: real waits by the clock). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        public Conversation build() {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(subscriptions, "subscriptions");
            Objects.requireNonNull(matchConfig, "matchConfig");
            Objects.requireNonNull(sources, "sources");
            Objects.requireNonNull(fetcher, "fetcher");
            Objects.requireNonNull(extractor, "extractor");
            Objects.requireNonNull(extractionCache, "extractionCache");
            Objects.requireNonNull(summarizer, "summarizer");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(texts, "texts");
            Objects.requireNonNull(telegramConfig, "telegramConfig");
            Objects.requireNonNull(botConfig, "botConfig");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(botUsername, "botUsername");
            Objects.requireNonNull(ephemeralSender, "ephemeralSender");
            Objects.requireNonNull(chatAdmins, "chatAdmins");
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(onEnqueued, "onEnqueued");
            if (sleeper == null) {
                sleeper = Sleeper.system(clock);
            }
            return new Conversation(this);
        }
    }
}
