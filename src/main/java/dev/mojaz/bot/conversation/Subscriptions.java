package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.command.CallbackData;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.config.MatchConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageSplitter;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.Storage;
import dev.mojaz.domain.Subscription;
import dev.mojaz.domain.SubscriptionRepository;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Msg;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.QueryWording;
import dev.mojaz.match.SubscriptionIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a chat follows: /subscribe (with words, or a guided flow: suggested topics as buttons, or the words as the
 * next message), /unsubscribe (a keyboard of the chat's subscriptions), /list, and /sources, where a whole source
 * can be followed (a subscription with no words, restricted to that source).
 *
 * <p>Queries are stored in their canonical form ({@link Query#canonical()}: the person's words and spelling, in
 * Mojaz's syntax), so that two ways of typing the same query are one subscription. Every change is committed with
 * the reply and the update id, and the live match engine follows once it is committed.
 */
final class Subscriptions {
    static final String SUBSCRIBE = "sub";
    static final String UNSUBSCRIBE = "unsub";
    static final String SOURCES = "src";
    /** Bot-state entry ({@link Say#chatState}) saying the chat was asked for its words, with when. */
    static final String AWAITING = "awaiting-query";
    /** Bot-state entry holding the query a chat typed in words no source publishes in, while it is asked about it. */
    static final String FOREIGN = "foreign-query";
    /** How long the question "what should I watch for?" stays open. */
    static final Duration AWAITING_FOR = Duration.ofMinutes(15);
    private static final int SOURCES_PER_PAGE = 8;
    private static final int LABEL = 40;

    private final Storage store;
    private final ChatRegistry chats;
    private final Permissions permissions;
    private final OutboxReplies replies;
    private final SubscriptionIndex matcher;
    private final Supplier<QueryParser> parsers;
    private final SourceCatalog sources;
    private final MatchConfig limits;
    private final List<String> topics;
    private final Clock clock;
    private final PersonalSources personal;
    private final ForeignWords foreignWords = new ForeignWords();

    Subscriptions(Storage store, ChatRegistry chats, Permissions permissions, OutboxReplies replies,
                  SubscriptionIndex matcher, Supplier<QueryParser> parsers, SourceCatalog sources, MatchConfig limits,
                  List<String> topics, Clock clock, PersonalSources personal) {
        this.store = Objects.requireNonNull(store, "store");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.topics = List.copyOf(topics);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.personal = Objects.requireNonNull(personal, "personal");
    }

    // ---- /subscribe ---------------------------------------------------------------------------------------

    void subscribe(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        if (command.hasArguments()) {
            subscribeTo(command.arguments(), context, false);
            return;
        }
        long id = context.chat().id();
        replies.atomically(() -> {
            chats.ensure(context);
            if (context.chat().kind() == ChatKind.PRIVATE) {
                // only a private chat's next message reaches the bot; in a group the buttons or /subscribe@bot do
                store.botState().put(Say.chatState(id, AWAITING), Long.toString(clock.millis()));
                store.botState().remove(Say.chatState(id, PersonalSources.AWAITING)); // the latest question is open
            }
            List<Button> buttons = new ArrayList<>();
            for (int i = 0; i < topics.size(); i++) {
                buttons.add(CallbackData.of(SUBSCRIBE, "t" + i).button(topicLabel(context, topics.get(i))));
            }
            Keyboard keyboard = Keyboard.grid(buttons, 3)
                    .withRow(List.of(CallbackData.of(SUBSCRIBE, "x").button(context.plain(Msg.BUTTON_CANCEL))));
            context.reply(context.text(Msg.SUBSCRIBE_ASK, Map.of("query_help", context.text(Msg.HELP_QUERY))), keyboard);
        });
    }

    /** A suggested topic pressed, or the guided flow cancelled. */
    void subscribePressed(String payload, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        long id = context.chat().id();
        if (payload.equals("x")) {
            replies.atomically(() -> {
                store.botState().remove(Say.chatState(id, AWAITING));
                store.botState().remove(Say.chatState(id, FOREIGN));
                context.answer(context.plain(Msg.ANSWER_CANCELLED));
                context.edit(Say.pressed(context), context.text(Msg.SUBSCRIBE_CANCELLED), Keyboard.NONE);
            });
            return;
        }
        if (payload.equals("ar") || payload.equals("keep")) {
            foreignAnswered(payload.equals("ar"), context);
            return;
        }
        int topic = payload.startsWith("t") ? parseIndex(payload.substring(1)) : -1;
        if (topic < 0 || topic >= topics.size()) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        subscribeTo(topics.get(topic), context, true);
    }

    /**
     * A suggested topic's button label: the topic itself in Arabic; in another language its name there
     * ({@code topic.<query>} in the bundle), so a reader sees what they know and subscribes to what the sources
     * write.
     */
    private static String topicLabel(Context context, String topic) {
        if (context.language() == dev.mojaz.i18n.Language.AR) {
            return topic;
        }
        String key = "topic." + topic;
        if (context.texts().keys(context.language()).contains(key)) {
            return context.texts().raw(context.language(), key);
        }
        return topic;
    }

    /** "Follow the Arabic form" or "keep it as typed", pressed under the question about foreign words. */
    private void foreignAnswered(boolean arabic, Context context) throws InterruptedException {
        Optional<String> pending = store.botState().get(Say.chatState(context.chat().id(), FOREIGN));
        Optional<String> chosen = pending;
        if (arabic && pending.isPresent()) {
            try {
                QueryParser parser = parsers.get();
                chosen = foreignWords.check(parser.parse(pending.get()), personal.reaching(context.chat().id()), parser)
                        .flatMap(ForeignWords.Finding::suggestion);
            } catch (InvalidQueryException e) {
                chosen = Optional.empty();
            }
        }
        if (chosen.isEmpty()) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        subscribeTo(chosen.get(), context, true);
    }

    /**
     * Tells the person that words of their query are in a language no source publishes in, with the Arabic form
     * when there is one, and asks what to follow; the query waits in the bot state for the answer.
     */
    private void askAboutForeign(String text, Query query, ForeignWords.Finding finding, Context context)
            throws InterruptedException {
        long id = context.chat().id();
        String reader = context.language().code();
        String languages = Say.list(context.language(), finding.languages().stream()
                .map(code -> ForeignWords.languageName(code, reader)).toList());
        String words = Say.list(context.language(), finding.words());
        replies.atomically(() -> {
            chats.ensure(context);
            store.botState().remove(Say.chatState(id, AWAITING));
            store.botState().put(Say.chatState(id, FOREIGN), text);
            List<List<Button>> rows = new ArrayList<>();
            Html answer;
            if (finding.suggestion().isPresent()) {
                String suggestion = finding.suggestion().get();
                answer = context.text(Msg.SUBSCRIBE_FOREIGN, Map.of("words", words, "languages", languages,
                        "suggestion", QueryWording.of(suggestion, context.language().code())));
                rows.add(List.of(CallbackData.of(SUBSCRIBE, "ar").button(context.plain(Msg.BUTTON_FOLLOW_SUGGESTION,
                        Map.of("query", Say.shorten(QueryWording.of(suggestion, context.language().code()), LABEL))))));
            } else {
                answer = context.text(Msg.SUBSCRIBE_FOREIGN_UNKNOWN, Map.of("words", words, "languages", languages));
            }
            rows.add(List.of(CallbackData.of(SUBSCRIBE, "keep").button(context.plain(Msg.BUTTON_KEEP_QUERY,
                    Map.of("query", Say.shorten(QueryWording.of(query.canonical(), context.language().code()), LABEL)))),
                    CallbackData.of(SUBSCRIBE, "x").button(context.plain(Msg.BUTTON_CANCEL))));
            context.answer("");
            Say.replyOrEdit(context, answer, Keyboard.of(rows));
        });
    }

    /** Whether the chat was asked for its words a moment ago (the text that follows is the query). */
    boolean awaitingQuery(long chatId) {
        return store.botState().get(Say.chatState(chatId, AWAITING))
                .map(since -> Instant.ofEpochMilli(Long.parseLong(since)).plus(AWAITING_FOR).isAfter(clock.instant()))
                .orElse(false);
    }

    /** The words sent after /subscribe asked for them. */
    void answerToQuestion(Incoming.Message message, Context context) throws InterruptedException {
        subscribeTo(message.text(), context, false);
    }

    /**
     * Parses and adds {@code text}; a pressed button's message is edited into the answer.
     *
     * @param asChosen the person chose this query with a button (a suggested topic, the Arabic form, "keep it"):
     *                 it is not questioned again for words no source publishes in
     */
    private void subscribeTo(String text, Context context, boolean asChosen) throws InterruptedException {
        Query query;
        try {
            query = parsers.get().parse(text);
        } catch (InvalidQueryException e) {
            Html problem = e.key() == Msg.QUERY_TOO_LONG
                    ? context.text(Msg.SUBSCRIBE_TOO_LONG, Map.of("max", limits.maxQueryLength()))
                    : context.text(Msg.SUBSCRIBE_INVALID, Map.of("query", Say.shorten(text, 300),
                            "problem", e.message(context.language()),
                            "query_help", context.text(Msg.HELP_QUERY)));
            context.answer("");
            Say.replyOrEdit(context, problem, Keyboard.NONE);
            return;
        }
        if (!asChosen) {
            Optional<ForeignWords.Finding> foreign = foreignWords.check(query, personal.reaching(context.chat().id()),
                    parsers.get());
            if (foreign.isPresent()) {
                askAboutForeign(text, query, foreign.get(), context);
                return;
            }
        }
        long id = context.chat().id();
        String canonical = query.canonical();
        // what an English place name finds, said as /list says it: «Egypt = مصر»
        String shown = shown(canonical, context) + (query.coverage().isEmpty() ? "" : " («" + query.coverage() + "»)");
        replies.atomically(() -> {
            chats.ensure(context);
            store.botState().remove(Say.chatState(id, AWAITING));
            store.botState().remove(Say.chatState(id, FOREIGN));
            SubscriptionRepository.Added added = store.subscriptions().add(id, canonical, null, limits.maxQueriesPerChat());
            Html answer = switch (added.outcome()) {
                case ADDED -> {
                    replies.afterCommit(() -> matcher.sync(id));
                    yield context.text(Msg.SUBSCRIBE_DONE, Map.of("query", shown,
                            "count", store.subscriptions().list(id).size()));
                }
                case ALREADY_FOLLOWED -> context.text(Msg.SUBSCRIBE_EXISTS, Map.of("query", shown));
                case LIMIT_REACHED -> context.text(Msg.SUBSCRIBE_TOO_MANY, Map.of("max", limits.maxQueriesPerChat()));
            };
            context.answer(added.outcome() == SubscriptionRepository.Outcome.ADDED ? context.plain(Msg.ANSWER_SAVED) : "");
            Say.replyOrEdit(context, answer, Keyboard.NONE);
        });
    }

    // ---- /unsubscribe -------------------------------------------------------------------------------------

    void unsubscribe(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        List<Subscription> subscriptions = store.subscriptions().list(context.chat().id());
        if (subscriptions.isEmpty()) {
            context.reply(Msg.UNSUBSCRIBE_NONE);
            return;
        }
        context.reply(context.text(Msg.UNSUBSCRIBE_PICK), removeKeyboard(subscriptions, context));
    }

    void unsubscribePressed(String payload, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        long chatId = context.chat().id();
        int message = Say.pressed(context);
        if (payload.equals("x")) {
            context.answer(context.plain(Msg.ANSWER_CANCELLED));
            context.edit(message, context.text(Msg.SUBSCRIBE_CANCELLED), Keyboard.NONE);
            return;
        }
        if (payload.equals("all")) {
            replies.atomically(() -> {
                int removed = store.subscriptions().removeAll(chatId);
                replies.afterCommit(() -> matcher.sync(chatId));
                context.answer(context.plain(Msg.ANSWER_REMOVED));
                context.edit(message, removed == 0 ? context.text(Msg.UNSUBSCRIBE_NONE)
                        : context.text(Msg.UNSUBSCRIBE_ALL_DONE, Map.of("count", removed)), Keyboard.NONE);
            });
            return;
        }
        long subscriptionId = parseId(payload);
        replies.atomically(() -> {
            Optional<Subscription> gone = store.subscriptions().find(subscriptionId)
                    .filter(s -> s.chatId() == chatId);
            if (gone.isEmpty() || !store.subscriptions().remove(chatId, subscriptionId)) {
                context.answer(context.plain(Msg.ANSWER_EXPIRED));
                List<Subscription> now = store.subscriptions().list(chatId);
                context.edit(message, now.isEmpty() ? context.text(Msg.UNSUBSCRIBE_NONE)
                        : context.text(Msg.UNSUBSCRIBE_PICK), removeKeyboard(now, context));
                return;
            }
            replies.afterCommit(() -> matcher.sync(chatId));
            List<Subscription> left = store.subscriptions().list(chatId);
            context.answer(context.plain(Msg.ANSWER_REMOVED));
            context.edit(message, context.text(Msg.UNSUBSCRIBE_DONE, Map.of("query", shown(display(gone.get()), context),
                    "count", left.size())), removeKeyboard(left, context));
        });
    }

    private Keyboard removeKeyboard(List<Subscription> subscriptions, Context context) {
        if (subscriptions.isEmpty()) {
            return Keyboard.NONE;
        }
        List<Button> buttons = new ArrayList<>();
        for (Subscription s : subscriptions) {
            buttons.add(CallbackData.of(UNSUBSCRIBE, Long.toString(s.id()))
                    .button(context.plain(Msg.BUTTON_REMOVE, Map.of("query", Say.shorten(shown(display(s), context), LABEL)))));
        }
        return Keyboard.column(buttons).withRow(List.of(
                CallbackData.of(UNSUBSCRIBE, "all").button(context.plain(Msg.BUTTON_UNSUBSCRIBE_ALL)),
                CallbackData.of(UNSUBSCRIBE, "x").button(context.plain(Msg.BUTTON_CANCEL))));
    }

    /** A subscription as people know it: its query, or the name of the source it follows. */
    private String display(Subscription s) {
        if (s.query().isBlank()) {
            return sourceName(s.sourceId());
        }
        return s.sourceId() == null ? s.query() : s.query() + " (" + sourceName(s.sourceId()) + ")";
    }

    /** A query as the reader reads it: its operators in their language ({@code أو} for an Arabic reader). */
    private static String shown(String query, Context context) {
        return QueryWording.of(query, context.language().code());
    }

    private String sourceName(String id) {
        return id == null ? "" : sources.find(id).map(SourceConfig::name).orElse(id);
    }

    // ---- /list --------------------------------------------------------------------------------------------

    void list(ParsedCommand command, Context context) throws InterruptedException {
        List<Subscription> subscriptions = store.subscriptions().list(context.chat().id());
        if (subscriptions.isEmpty()) {
            context.reply(Msg.LIST_EMPTY);
            return;
        }
        List<Html> lines = new ArrayList<>();
        lines.add(context.text(Msg.LIST_HEADER, Map.of("count", subscriptions.size())));
        int number = 0;
        QueryParser parser = parsers.get();
        for (Subscription s : subscriptions) {
            if (s.query().isBlank()) {
                continue;
            }
            number++;
            List<String> restricted = new ArrayList<>();
            String words = s.query();
            try {
                Query query = parser.parse(s.query());
                restricted.addAll(query.sources());
                words = new Query(query.required(), query.excluded(), List.of()).canonical();
                String coverage = query.coverage();
                if (!coverage.isEmpty()) {
                    words += " («" + coverage + "»)"; // what an English place name finds: «Egypt = مصر»
                }
            } catch (InvalidQueryException e) {
                // shown as stored: a source it names may have been removed since
            }
            if (s.sourceId() != null) {
                restricted.add(s.sourceId());
            }
            lines.add(restricted.isEmpty()
                    ? context.text(Msg.LIST_ITEM, Map.of("number", number, "query", shown(words, context)))
                    : context.text(Msg.LIST_ITEM_SOURCE, Map.of("number", number, "query", shown(words, context),
                            "source", Say.list(context.language(), restricted.stream().map(this::sourceName).toList()))));
        }
        for (Subscription s : subscriptions) {
            if (s.query().isBlank()) {
                lines.add(context.text(Msg.LIST_ITEM_FOLLOWED_SOURCE, Map.of("name", sourceName(s.sourceId()))));
            }
        }
        lines.add(Html.concat(Html.text("\n"), context.text(Msg.LIST_FOOTER)));
        List<MessageSplitter.Block> blocks = lines.stream().map(MessageSplitter.Block::item).toList();
        for (Html part : MessageSplitter.forMessages().split(blocks, Html.text("\n"))) {
            context.reply(part);
        }
    }

    // ---- /sources -----------------------------------------------------------------------------------------

    void sources(ParsedCommand command, Context context) throws InterruptedException {
        Page page = page(context, 0);
        context.reply(page.text(), page.keyboard());
    }

    /**
     * {@code p:<page>} turns the page; {@code f:<page>:<source id>} follows or unfollows a whole source;
     * {@code r:<page>:<source id>} gives up one of the chat's own sources.
     */
    void sourcesPressed(String payload, Context context) throws InterruptedException {
        String[] parts = payload.split(":", 3);
        int message = Say.pressed(context);
        if (parts.length == 2 && parts[0].equals("p")) {
            Page page = page(context, parseIndex(parts[1]));
            context.answer("");
            context.edit(message, page.text(), page.keyboard());
            return;
        }
        if (parts.length != 3 || !(parts[0].equals("f") || parts[0].equals("r")) || sources.find(parts[2]).isEmpty()) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        if (!permissions.check(context)) {
            return;
        }
        long chatId = context.chat().id();
        String sourceId = parts[2];
        int pageNumber = parseIndex(parts[1]);
        if (parts[0].equals("r")) {
            replies.atomically(() -> {
                if (!personal.leave(chatId, sourceId)) {
                    context.answer(context.plain(Msg.ANSWER_EXPIRED));
                } else {
                    context.answer(context.plain(Msg.ANSWER_REMOVED));
                }
                Page page = page(context, pageNumber);
                context.edit(message, page.text(), page.keyboard());
            });
            return;
        }
        replies.atomically(() -> {
            chats.ensure(context);
            Optional<Subscription> following = wholeSource(chatId, sourceId);
            if (following.isPresent()) {
                store.subscriptions().remove(chatId, following.get().id());
                context.answer(context.plain(Msg.ANSWER_REMOVED));
            } else {
                SubscriptionRepository.Added added = store.subscriptions().add(chatId, "", sourceId, limits.maxQueriesPerChat());
                if (added.outcome() == SubscriptionRepository.Outcome.LIMIT_REACHED) {
                    context.alert(context.plain(Msg.ANSWER_LIMIT));
                    return;
                }
                context.answer(context.plain(Msg.ANSWER_SAVED));
            }
            replies.afterCommit(() -> matcher.sync(chatId));
            Page page = page(context, pageNumber);
            context.edit(message, page.text(), page.keyboard());
        });
    }

    private record Page(Html text, Keyboard keyboard) {
    }

    /**
     * The /sources screen: the chat's own sources first (each with a follow toggle and ✕), then everyone's, a page
     * of them at a time, and a button to add a source of one's own.
     */
    private Page page(Context context, int wanted) {
        long chatId = context.chat().id();
        List<SourceConfig> yours = personal.yours(chatId);
        List<SourceConfig> all = personal.everyones();
        Set<String> followed = store.subscriptions().list(chatId).stream()
                .filter(s -> s.query().isBlank() && s.sourceId() != null)
                .map(Subscription::sourceId).collect(Collectors.toSet());
        int pages = Math.max(1, (all.size() + SOURCES_PER_PAGE - 1) / SOURCES_PER_PAGE);
        int page = Math.max(0, Math.min(wanted, pages - 1));
        List<Html> lines = new ArrayList<>();
        Keyboard keyboard = Keyboard.NONE;
        if (!yours.isEmpty()) {
            lines.add(context.text(Msg.SOURCES_YOURS_HEADER, Map.of("count", yours.size())));
            for (SourceConfig source : yours) {
                lines.add(context.text(Msg.SOURCES_ITEM, Map.of("name", source.name(), "id", source.id())));
                keyboard = keyboard.withRow(List.of(followButton(context, source, followed, page),
                        CallbackData.of(SOURCES, "r:" + page + ":" + source.id()).button(context.plain(
                                Msg.BUTTON_REMOVE_OWN_SOURCE, Map.of("name", Say.shorten(source.name(), LABEL))))));
            }
            lines.add(Html.EMPTY);
        }
        if (all.isEmpty()) {
            lines.add(context.text(Msg.SOURCES_NONE));
        } else {
            List<SourceConfig> shown = all.subList(page * SOURCES_PER_PAGE,
                    Math.min(all.size(), (page + 1) * SOURCES_PER_PAGE));
            lines.add(context.text(Msg.SOURCES_HEADER, Map.of("count", all.size())));
            List<Button> buttons = new ArrayList<>();
            for (SourceConfig source : shown) {
                lines.add(context.text(Msg.SOURCES_ITEM, Map.of("name", source.name(), "id", source.id())));
                buttons.add(followButton(context, source, followed, page));
            }
            for (List<Button> row : Keyboard.grid(buttons, 2).rows()) {
                keyboard = keyboard.withRow(row);
            }
        }
        List<Button> turn = new ArrayList<>();
        if (page > 0) {
            turn.add(CallbackData.of(SOURCES, "p:" + (page - 1)).button(context.plain(Msg.BUTTON_PREVIOUS)));
        }
        if (page < pages - 1) {
            turn.add(CallbackData.of(SOURCES, "p:" + (page + 1)).button(context.plain(Msg.BUTTON_NEXT)));
        }
        keyboard = keyboard.withRow(turn);
        lines.add(Html.concat(Html.text("\n"), context.text(Msg.SOURCES_ADD_HINT)));
        keyboard = keyboard.withRow(List.of(CallbackData.of(PersonalSources.PREFIX, "a")
                .button(context.plain(Msg.BUTTON_ADD_SOURCE))));
        return new Page(Html.join(Html.text("\n"), lines), keyboard);
    }

    private static Button followButton(Context context, SourceConfig source, Set<String> followed, int page) {
        boolean follows = followed.contains(source.id());
        return CallbackData.of(SOURCES, "f:" + page + ":" + source.id()).button(context.plain(
                follows ? Msg.BUTTON_UNFOLLOW_SOURCE : Msg.BUTTON_FOLLOW_SOURCE,
                Map.of("name", Say.shorten(source.name(), LABEL))));
    }

    private Optional<Subscription> wholeSource(long chatId, String sourceId) {
        return store.subscriptions().list(chatId).stream()
                .filter(s -> s.query().isBlank() && sourceId.equals(s.sourceId())).findFirst();
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
