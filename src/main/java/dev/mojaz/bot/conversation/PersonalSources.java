package dev.mojaz.bot.conversation;

import dev.mojaz.domain.ChatKind;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.bot.command.CallbackData;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Msg;
import dev.mojaz.config.PersonalSourcesConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.match.SourceAudience;
import dev.mojaz.match.SubscriptionIndex;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.ingest.feed.FeedDiscovery;
import dev.mojaz.ingest.feed.Links;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.poll.CanonicalUrl;
import dev.mojaz.domain.PersonalSourceRepository;
import dev.mojaz.domain.Storage;
import dev.mojaz.domain.SubscriptionRepository;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Sources people bring: {@code /add <link>} (or the "add" button of /sources, then the link as the next message)
 * for a feed, a page naming its feed, or a site's listing page ({@link FeedDiscovery}, through the guarded fetcher,
 * checked before anything is saved, with an answer for each way it can fail); removing one's own source from
 * /sources; and, for admins, {@code /promote ID} (a personal source becomes everyone's) and {@code /block DOMAIN}.
 *
 * <p>A personal source is a row of the sources table, polled like any other and once however many people add the
 * same feed; its owners follow it whole when they add it, and its articles reach only their subscriptions
 * ({@link SourceAudience}) until an admin promotes it. When its last owner leaves (or is forgotten) it is removed,
 * and every follow of a removed source goes with it. Limits come from {@code bot.personal-sources}.
 */
final class PersonalSources {
    /** Callback prefix: {@code my:a} asks for a link, {@code my:x} cancels that, {@code my:r:ID} removes one's own. */
    static final String PREFIX = "my";
    /** Bot-state entry ({@link Say#chatState}) saying the chat was asked for a link, with when. */
    static final String AWAITING = "awaiting-source";
    private static final long AWAITING_MILLIS = Subscriptions.AWAITING_FOR.toMillis();
    /** Personal source ids: {@code my-} and the first hex digits of the hash of what is polled. */
    private static final String ID_PREFIX = "my-";
    private static final int NAME_LENGTH = 60;

    private final Storage store;
    private final ChatRegistry chats;
    private final Permissions permissions;
    private final OutboxReplies replies;
    private final SubscriptionIndex matcher;
    private final SourceCatalog sources;
    private final FeedDiscovery discovery;
    private final SourceAudience audience;
    private final PersonalSourcesConfig limits;
    private final IntSupplier maxSubscriptions;
    private final Clock clock;

    PersonalSources(Storage store, ChatRegistry chats, Permissions permissions, OutboxReplies replies,
                    SubscriptionIndex matcher, SourceCatalog sources, FeedDiscovery discovery, SourceAudience audience,
                    PersonalSourcesConfig limits, IntSupplier maxSubscriptions, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxSubscriptions = Objects.requireNonNull(maxSubscriptions, "maxSubscriptions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- /add ---------------------------------------------------------------------------------------------------

    /** {@code /add LINK}; without a link, asks for it. */
    void add(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        if (command.hasArguments()) {
            addLink(command.arguments().strip().split("\\s+", 2)[0], context);
        } else {
            ask(context);
        }
    }

    /** {@code my:a} asks for a link (the button of /sources), {@code my:x} cancels, {@code my:r:ID} removes. */
    void pressed(String payload, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        if (payload.equals("a")) {
            context.answer("");
            ask(context);
        } else if (payload.equals("x")) {
            replies.atomically(() -> {
                store.botState().remove(Say.chatState(context.chat().id(), AWAITING));
                context.answer(context.plain(Msg.ANSWER_CANCELLED));
                context.edit(Say.pressed(context), context.text(Msg.SUBSCRIBE_CANCELLED), Keyboard.NONE);
            });
        } else {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
        }
    }

    private void ask(Context context) throws InterruptedException {
        long id = context.chat().id();
        replies.atomically(() -> {
            chats.ensure(context);
            if (context.chat().kind() == ChatKind.PRIVATE) {
                // only a private chat's next message reaches the bot; in a group /add@bot LINK does
                store.botState().put(Say.chatState(id, AWAITING), Long.toString(clock.millis()));
                store.botState().remove(Say.chatState(id, Subscriptions.AWAITING)); // the latest question is open
            }
            context.reply(context.text(Msg.ADD_ASK), Keyboard.of(List.of(List.of(
                    CallbackData.of(PREFIX, "x").button(context.plain(Msg.BUTTON_CANCEL))))));
        });
    }

    /** Whether the chat was asked for a link a moment ago (the message that follows is the link). */
    boolean awaitingLink(long chatId) {
        return store.botState().get(Say.chatState(chatId, AWAITING))
                .map(since -> Long.parseLong(since) + AWAITING_MILLIS > clock.millis())
                .orElse(false);
    }

    /** The link sent after the bot asked for one. */
    void answerToQuestion(Incoming.Message message, Context context) throws InterruptedException {
        String link = message.links().isEmpty() ? message.text().strip().split("\\s+", 2)[0] : message.links().get(0);
        addLink(link, context);
    }

    /**
     * Checks, fetches and adds a link. The network is used first, outside any transaction; the limits are checked
     * again in the transaction that saves, so two quick /add commands cannot pass them together.
     */
    private void addLink(String text, Context context) throws InterruptedException {
        long chat = context.chat().id();
        Optional<URI> link = Links.resolve(null, text);
        if (link.isEmpty() || link.get().getHost() == null) {
            clearQuestionAnd(context, context.text(Msg.ADD_BAD_LINK, Map.of("text", Say.shorten(text, 200))));
            return;
        }
        URI url = link.get();
        Optional<Html> refused = refusal(url, chat, context);
        if (refused.isPresent()) {
            clearQuestionAnd(context, refused.get());
            return;
        }
        FeedDiscovery.Found found;
        try {
            found = discovery.discover(url);
        } catch (FetchException e) {
            clearQuestionAnd(context, context.text(fetchProblem(e), Map.of("url", url.toString())));
            return;
        } catch (FeedDiscovery.NotASource e) {
            clearQuestionAnd(context, context.text(e.reason() == FeedDiscovery.NotASource.Reason.EMPTY
                    ? Msg.ADD_EMPTY : Msg.ADD_NOTHING, Map.of("url", url.toString())));
            return;
        }
        if (store.personalSources().isBlocked(found.url().getHost())) {
            clearQuestionAnd(context, context.text(Msg.ADD_BLOCKED, Map.of("host", found.url().getHost())));
            return;
        }
        String key = CanonicalUrl.of(found.url()).toString();
        replies.atomically(() -> {
            chats.ensure(context);
            store.botState().remove(Say.chatState(chat, AWAITING));
            Html answer = save(found, key, chat, context);
            replies.afterCommit(() -> {
                audience.reload();
                matcher.sync(chat);
            });
            context.reply(answer);
        });
    }

    /** Inside the transaction: joins the source already polled from this URL, or stores a new personal one. */
    private Html save(FeedDiscovery.Found found, String key, long chat, Context context) {
        Optional<SourceConfig> existing = sources.enabled().stream()
                .filter(s -> CanonicalUrl.of(s.url()).toString().equals(key)).findFirst();
        if (existing.isPresent()) {
            SourceConfig source = existing.get();
            Optional<PersonalSourceRepository.PersonalSource> personal = store.personalSources().find(source.id());
            if (personal.isEmpty() || personal.get().promoted()) {
                boolean followed = follow(chat, source.id());
                return context.text(Msg.ADD_EVERYONES, Map.of("name", source.name(), "followed", yes(followed)));
            }
            if (store.personalSources().owners(source.id()).contains(chat)) {
                follow(chat, source.id());
                return context.text(Msg.ADD_YOURS, Map.of("name", source.name()));
            }
            Optional<Html> limit = personLimit(chat, context);
            if (limit.isPresent()) {
                return limit.get();
            }
            store.personalSources().addOwner(source.id(), chat);
            boolean followed = follow(chat, source.id());
            return context.text(Msg.ADD_DONE, Map.of("name", source.name(), "count", found.items(),
                    "followed", yes(followed)));
        }
        Optional<Html> limit = personLimit(chat, context);
        if (limit.isPresent()) {
            return limit.get();
        }
        if (store.personalSources().count() >= limits.total()) {
            return context.text(Msg.ADD_FULL);
        }
        String id = idFor(key);
        if (sources.find(id).isPresent()) {
            // a disabled source of the same URL (removed by an admin): it stays removed
            return context.text(Msg.ADD_NOTHING, Map.of("url", found.url().toString()));
        }
        String name = Say.shorten(found.title().isBlank() ? found.url().getHost() : found.title(), NAME_LENGTH);
        SourceConfig source = new SourceConfig(id, name, found.language(), found.isFeed() ? found.url() : null,
                found.isFeed() ? null : found.url(), found.linkSelector(), limits.minInterval(), true);
        sources.store(source);
        store.personalSources().create(id, key, chat);
        boolean followed = follow(chat, id);
        return context.text(Msg.ADD_DONE, Map.of("name", name, "count", found.items(), "followed", yes(followed)));
    }

    /** Why {@code url} cannot be added by this chat before anything is fetched, if it cannot. */
    private Optional<Html> refusal(URI url, long chat, Context context) {
        if (store.personalSources().isBlocked(url.getHost())) {
            return Optional.of(context.text(Msg.ADD_BLOCKED, Map.of("host", url.getHost())));
        }
        return personLimit(chat, context);
    }

    private Optional<Html> personLimit(long chat, Context context) {
        if (store.personalSources().ownedBy(chat).size() >= limits.perPerson()) {
            return Optional.of(context.text(Msg.ADD_LIMIT, Map.of("max", limits.perPerson())));
        }
        return Optional.empty();
    }

    /** Follows the whole source; false when the chat has as many subscriptions as it may. */
    private boolean follow(long chat, String sourceId) {
        return store.subscriptions().add(chat, "", sourceId, maxSubscriptions.getAsInt()).outcome()
                != SubscriptionRepository.Outcome.LIMIT_REACHED;
    }

    private void clearQuestionAnd(Context context, Html answer) throws InterruptedException {
        long chat = context.chat().id();
        replies.atomically(() -> {
            store.botState().remove(Say.chatState(chat, AWAITING));
            context.reply(answer);
        });
    }

    private static Msg fetchProblem(FetchException e) {
        return switch (e.kind()) {
            case BLOCKED -> Msg.ADD_PRIVATE_ADDRESS;
            case TOO_LARGE -> Msg.ADD_TOO_LARGE;
            case HTTP_STATUS -> e.status() == 404 || e.status() == 410 ? Msg.ADD_NOT_FOUND : Msg.ADD_UNREACHABLE;
            default -> Msg.ADD_UNREACHABLE;
        };
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }

    /** A short stable id for what is polled: the same feed always gets the same id. */
    static String idFor(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // ---- one's own sources on /sources ---------------------------------------------------------------------------

    /** The enabled personal sources the chat owns (promoted ones are everyone's, and listed there). */
    List<SourceConfig> yours(long chat) {
        Set<String> restricted = store.personalSources().restricted().keySet();
        List<SourceConfig> own = new ArrayList<>();
        for (String id : store.personalSources().ownedBy(chat)) {
            if (restricted.contains(id)) {
                sources.find(id).filter(SourceConfig::enabled).ifPresent(own::add);
            }
        }
        return own;
    }

    /** The enabled sources whose articles reach everyone: the configured, the admins', the promoted. */
    List<SourceConfig> everyones() {
        Set<String> restricted = store.personalSources().restricted().keySet();
        return sources.enabled().stream().filter(s -> !restricted.contains(s.id())).toList();
    }

    /** The sources whose articles can reach this chat: everyone's and its own. */
    List<SourceConfig> reaching(long chat) {
        List<SourceConfig> all = new ArrayList<>(everyones());
        all.addAll(yours(chat));
        return all;
    }

    /**
     * Inside a transaction: the chat gives up one of its sources (its follow of it goes too); a source no one owns
     * any more is removed. False when the chat did not own it.
     */
    boolean leave(long chat, String sourceId) {
        if (!store.personalSources().removeOwner(sourceId, chat)) {
            return false;
        }
        store.subscriptions().removeFollow(chat, sourceId);
        removeOwnerless();
        replies.afterCommit(() -> {
            audience.reload();
            matcher.sync(chat);
        });
        return true;
    }

    /**
     * Inside a transaction: removes every personal source no one owns any more (after /forget took a chat's
     * ownership with it), with every follow of it; the matcher and the audience follow after the commit.
     */
    void removeOwnerless() {
        for (String id : store.personalSources().ownerless()) {
            remove(id);
        }
        replies.afterCommit(audience::reload);
    }

    /** Inside a transaction: removes a stored source and every follow of it (a personal one's owners with it). */
    void remove(String sourceId) {
        removeFollows(sourceId);
        store.sources().remove(sourceId);
    }

    /**
     * Inside a transaction: every follow of a whole source goes (the source is being removed or disabled); the
     * followers' matchers follow after the commit.
     */
    void removeFollows(String sourceId) {
        List<Long> followers = store.subscriptions().removeFollowsOf(sourceId);
        replies.afterCommit(() -> {
            audience.reload();
            followers.forEach(matcher::sync);
        });
    }

    // ---- admins -------------------------------------------------------------------------------------------------

    /** {@code /promote ID}: a personal source becomes everyone's. */
    void promote(ParsedCommand command, Context context) throws InterruptedException {
        String id = command.arguments().strip();
        if (id.isEmpty() || id.contains(" ")) {
            context.reply(Msg.ADMIN_PROMOTE_USAGE);
            return;
        }
        replies.atomically(() -> {
            Optional<SourceConfig> source = sources.find(id).filter(SourceConfig::enabled);
            if (source.isEmpty() || !store.personalSources().promote(id)) {
                context.reply(Msg.ADMIN_PROMOTE_UNKNOWN, Map.of("id", id));
                return;
            }
            replies.afterCommit(audience::reload);
            context.reply(Msg.ADMIN_PROMOTE_DONE, Map.of("id", id, "name", source.get().name()));
        });
    }

    /**
     * {@code /block DOMAIN}: no one may add a source from it (or a subdomain) any more, and the personal sources
     * already polled from there are removed, with their follows. Sources admins added stay: an admin removes those.
     */
    void block(ParsedCommand command, Context context) throws InterruptedException {
        String domain = command.arguments().strip().toLowerCase(Locale.ROOT);
        if (domain.startsWith("http://") || domain.startsWith("https://")) {
            domain = Links.resolve(null, domain).map(URI::getHost).orElse("");
        }
        if (!domain.matches("[a-z0-9.-]+\\.[a-z0-9-]+")) {
            context.reply(Msg.ADMIN_BLOCK_USAGE);
            return;
        }
        String blocked = domain;
        long admin = context.from().map(p -> p.id()).orElse(context.chat().id());
        replies.atomically(() -> {
            store.personalSources().block(blocked, admin);
            int removed = 0;
            for (PersonalSourceRepository.PersonalSource personal : store.personalSources().all()) {
                Optional<SourceConfig> source = sources.find(personal.sourceId());
                String host = source.map(s -> s.url().getHost()).orElse("").toLowerCase(Locale.ROOT);
                if (!personal.promoted() && (host.equals(blocked) || host.endsWith("." + blocked))) {
                    remove(personal.sourceId());
                    removed++;
                }
            }
            replies.afterCommit(audience::reload);
            context.reply(Msg.ADMIN_BLOCK_DONE, Map.of("domain", blocked, "count", removed));
        });
    }

    /** For /stats: how many personal sources there are, how many people own one, the blocked domains. */
    Map<String, Object> statistics() {
        List<PersonalSourceRepository.PersonalSource> all = store.personalSources().all();
        long owners = all.stream().flatMap(p -> store.personalSources().owners(p.sourceId()).stream())
                .distinct().count();
        return Map.of("personal", all.size(), "owners", owners, "blocked", store.personalSources().blocked().size(),
                "limit", limits.total());
    }

    /** Whether a source is personal and not promoted, and how many own it (0 for any other source). */
    int ownersOf(String sourceId) {
        return store.personalSources().find(sourceId).filter(p -> !p.promoted())
                .map(p -> store.personalSources().owners(sourceId).size()).orElse(0);
    }
}
