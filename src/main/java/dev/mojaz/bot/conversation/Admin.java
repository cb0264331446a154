package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.FileDownloads;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.command.CallbackData;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.config.InvalidValueException;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageSplitter;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.Storage;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Msg;
import dev.mojaz.ingest.catalog.Opml;
import dev.mojaz.ingest.catalog.OpmlException;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.ingest.feed.FeedFormatException;
import dev.mojaz.ingest.feed.FeedReader;
import dev.mojaz.ingest.feed.Links;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.http.FetchResponse;
import dev.mojaz.ingest.http.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands of {@code telegram.admins} (the router refuses them to anyone else; button presses are checked
 * here): /addsource and /removesource (after a confirmation), /importopml (a document with that caption, or a URL)
 * and /exportopml, /stats, /broadcast (after a confirmation, through the outbox to every receiving chat). Whatever
 * cannot be undone with one command waits for a press on its confirmation's button.
 *
 * <p>A source is validated as the configuration validates one ({@link SourceConfig}), and its feed is fetched and
 * read once before it is saved, so a typo never becomes a source that fails every ten minutes. Removing a source of
 * the configuration file stores it disabled (the file is not edited); one added at run time is deleted.
 */
final class Admin {
    static final String BROADCAST = "bc";
    /** Callback prefix of the /removesource confirmation: {@code rms:y:ID} removes, {@code rms:n:ID} cancels. */
    static final String REMOVE_SOURCE = "rms";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Room left in a message for the OPML part's markup and caption. */
    private static final int OPML_PART = 3500;

    private final Storage store;
    private final SourceCatalog sources;
    private final HttpFetcher fetcher;
    private final FileDownloads files;
    private final OutboxReplies replies;
    private final long maxOpmlBytes;
    private final Clock clock;
    private final FeedReader feeds = new FeedReader();
    private final PersonalSources personal;

    Admin(Storage store, SourceCatalog sources, HttpFetcher fetcher, FileDownloads files, OutboxReplies replies,
          long maxOpmlBytes, Clock clock, PersonalSources personal) {
        this.store = Objects.requireNonNull(store, "store");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.files = Objects.requireNonNull(files, "files");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.maxOpmlBytes = maxOpmlBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.personal = Objects.requireNonNull(personal, "personal");
    }

    // ---- sources ------------------------------------------------------------------------------------------

    /** {@code /addsource id feed-url [name…]}. Fetches the feed first, outside any transaction. */
    void addSource(ParsedCommand command, Context context) throws InterruptedException {
        String[] words = command.arguments().split("\\s+", 3);
        if (words.length < 2) {
            context.reply(Msg.ADMIN_ADDSOURCE_USAGE);
            return;
        }
        String id = words[0];
        String url = words[1];
        String name = words.length > 2 ? words[2].strip() : null;
        if (sources.find(id).filter(SourceConfig::enabled).isPresent()) {
            context.reply(Msg.ADMIN_ADDSOURCE_EXISTS, Map.of("id", id));
            return;
        }
        SourceConfig source;
        try {
            URI feed = Links.resolve(null, url).orElseThrow(() ->
                    new InvalidValueException("feed", "is not an http or https URL"));
            source = new SourceConfig(id, name, null, feed, null, null, null, true);
        } catch (InvalidValueException e) {
            context.reply(Msg.ADMIN_ADDSOURCE_INVALID, Map.of("url", url, "problem", e.key() + " " + e.getMessage()));
            return;
        }
        try {
            FetchResponse response = fetcher.fetch(FetchRequest.feed(source.feed()));
            feeds.read(response.body(), response.contentType(), response.finalUrl());
        } catch (FetchException | FeedFormatException e) {
            context.reply(Msg.ADMIN_ADDSOURCE_INVALID, Map.of("url", url, "problem", e.getMessage()));
            return;
        }
        SourceConfig checked = source;
        replies.atomically(() -> {
            sources.store(checked);
            context.reply(Msg.ADMIN_ADDSOURCE_DONE, Map.of("id", checked.id(), "name", checked.name()));
        });
    }

    /** {@code /removesource id}: asks first; {@link #removeSourcePressed} removes. */
    void removeSource(ParsedCommand command, Context context) throws InterruptedException {
        String id = command.arguments().strip();
        if (id.isEmpty() || id.contains(" ")) {
            context.reply(Msg.ADMIN_REMOVESOURCE_USAGE);
            return;
        }
        Optional<SourceConfig> source = sources.find(id).filter(SourceConfig::enabled);
        if (source.isEmpty()) {
            context.reply(Msg.ADMIN_REMOVESOURCE_UNKNOWN, Map.of("id", id));
            return;
        }
        // a source id is at most 40 ASCII characters, so the id fits in the button's 64 bytes
        context.reply(context.text(Msg.ADMIN_REMOVESOURCE_CONFIRM, Map.of("id", id, "name", source.get().name())),
                confirmOrCancel(context, REMOVE_SOURCE, "y:" + id, Msg.BUTTON_REMOVESOURCE, "n:" + id));
    }

    void removeSourcePressed(String payload, Context context) throws InterruptedException {
        if (!adminPressed(context)) {
            return;
        }
        int message = Say.pressed(context);
        String id = payload.length() > 2 ? payload.substring(2) : "";
        if (payload.startsWith("n:")) {
            cancelled(context, message);
            return;
        }
        if (!payload.startsWith("y:") || id.isEmpty()) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        replies.atomically(() -> {
            Optional<SourceConfig> source = sources.find(id).filter(SourceConfig::enabled);
            if (source.isEmpty()) {
                context.answer(context.plain(Msg.ANSWER_EXPIRED));
                context.edit(message, context.text(Msg.ADMIN_REMOVESOURCE_UNKNOWN, Map.of("id", id)), Keyboard.NONE);
                return;
            }
            // Its follows go with it: a follow of a source that is no longer read would wait for ever.
            if (sources.origin(id) == SourceCatalog.Origin.STORED) {
                personal.remove(id);
            } else {
                SourceConfig s = source.get();
                sources.store(new SourceConfig(s.id(), s.name(), s.language(), s.feed(), s.page(), s.linkSelector(),
                        s.interval(), false));
                personal.removeFollows(id);
            }
            context.answer(context.plain(Msg.ANSWER_REMOVED));
            context.edit(message, context.text(Msg.ADMIN_REMOVESOURCE_DONE, Map.of("id", id)), Keyboard.NONE);
        });
    }

    /** {@code /importopml} as the caption of an OPML document, or {@code /importopml URL}. */
    void importOpml(ParsedCommand command, Context context) throws InterruptedException {
        Optional<Incoming.Document> document = context.incoming() instanceof Incoming.Message m ? m.document()
                : Optional.empty();
        byte[] xml;
        try {
            if (document.isPresent()) {
                xml = files.download(document.get().fileId(), maxOpmlBytes);
            } else if (command.hasArguments()) {
                URI url = Links.resolve(null, command.arguments().split("\\s+", 2)[0])
                        .orElseThrow(() -> new IOException("'" + command.arguments() + "' is not an http or https URL"));
                FetchResponse response = fetcher.fetch(FetchRequest.feed(url));
                if (response.body().length > maxOpmlBytes) {
                    throw new IOException("the file is larger than " + maxOpmlBytes + " bytes (bot.max-opml-bytes)");
                }
                xml = response.body();
            } else {
                context.reply(Msg.ADMIN_IMPORTOPML_ASK);
                return;
            }
        } catch (IOException | FetchException e) {
            context.reply(Msg.ADMIN_IMPORTOPML_FAILED, Map.of("problem", e.getMessage()));
            return;
        }
        byte[] file = xml;
        replies.atomically(() -> {
            Opml.ImportResult result;
            try {
                result = Opml.read(file, sources.all());
            } catch (OpmlException e) {
                context.reply(Msg.ADMIN_IMPORTOPML_FAILED, Map.of("problem", e.getMessage()));
                return;
            }
            result.sources().forEach(sources::store);
            Html done = context.text(Msg.ADMIN_IMPORTOPML_DONE, Map.of("added", result.sources().size(),
                    "skipped", result.skipped().size()));
            List<Html> lines = new ArrayList<>(List.of(done));
            result.skipped().forEach(why -> lines.add(Html.text("• " + why)));
            sendSplit(context, lines);
        });
    }

    /** The sources as OPML, in messages (a {@code <pre>} block each, cut between outlines). */
    void exportOpml(ParsedCommand command, Context context) throws InterruptedException {
        List<SourceConfig> all = sources.all();
        String opml = Opml.write(all, clock.instant());
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : opml.split("\n")) {
            if (part.length() > 0 && part.length() + line.length() + 1 > OPML_PART) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(line).append('\n');
        }
        parts.add(part.toString());
        Html caption = context.text(Msg.ADMIN_EXPORTOPML_CAPTION, Map.of("count", all.size()));
        for (int i = 0; i < parts.size(); i++) {
            Html block = Html.trusted("<pre>" + Html.escape(parts.get(i).strip()) + "</pre>");
            context.reply(i == 0 ? Html.concat(caption, Html.text("\n"), block) : block);
        }
    }

    // ---- /stats -------------------------------------------------------------------------------------------

    void stats(ParsedCommand command, Context context) throws InterruptedException {
        Storage.Stats stats = store.stats();
        Map<OutboxMessage.State, Long> queue = store.deliveries().counts();
        List<Html> lines = new ArrayList<>();
        lines.add(context.text(Msg.ADMIN_STATS, Map.of("people", stats.chats(), "active", stats.receivingChats(),
                "subscriptions", stats.subscriptions(), "articles", stats.articles(), "queue", stats.outboxWaiting())));
        lines.add(context.text(Msg.ADMIN_STATS_QUEUE, Map.of(
                "pending", queue.get(OutboxMessage.State.PENDING), "sending", queue.get(OutboxMessage.State.SENDING),
                "failed", queue.get(OutboxMessage.State.FAILED), "dead", queue.get(OutboxMessage.State.DEAD),
                "sent", queue.get(OutboxMessage.State.SENT))));
        lines.add(context.text(Msg.ADMIN_STATS_PERSONAL, personal.statistics()));
        Map<String, SourceState> health = store.sourceStates().all();
        for (SourceConfig source : sources.all()) {
            SourceState state = health.get(source.id());
            String status;
            if (!source.enabled()) {
                status = context.plain(Msg.VALUE_SOURCE_DISABLED);
            } else if (state == null || state.lastAttempt() == null) {
                status = context.plain(Msg.VALUE_SOURCE_NEVER);
            } else if (state.consecutiveFailures() > 0) {
                status = context.plain(Msg.VALUE_SOURCE_FAILING, Map.of("count", state.consecutiveFailures()));
            } else {
                status = context.plain(Msg.VALUE_SOURCE_OK);
            }
            String lastOk = state == null || state.lastSuccess() == null ? context.plain(Msg.VALUE_NEVER)
                    : TIME.format(state.lastSuccess());
            int owners = personal.ownersOf(source.id());
            String name = source.name() + " (" + source.id() + ")"
                    + (owners > 0 ? " · " + context.plain(Msg.VALUE_SOURCE_PERSONAL, Map.of("count", owners)) : "");
            lines.add(context.text(Msg.ADMIN_STATS_SOURCE, Map.of("name", name, "status", status, "last_ok", lastOk)));
        }
        sendSplit(context, lines);
    }

    // ---- /broadcast ---------------------------------------------------------------------------------------

    void broadcast(ParsedCommand command, Context context) throws InterruptedException {
        if (!command.hasArguments()) {
            context.reply(Msg.ADMIN_BROADCAST_USAGE);
            return;
        }
        String text = command.arguments();
        long admin = context.chat().id();
        replies.atomically(() -> {
            store.botState().put(pendingKey(admin), text);
            int count = store.chats().receivingIds().size();
            context.reply(context.text(Msg.ADMIN_BROADCAST_CONFIRM, Map.of("count", count, "text", text)),
                    confirmOrCancel(context, BROADCAST, "send", Msg.BUTTON_BROADCAST_SEND, "x"));
        });
    }

    void broadcastPressed(String payload, Context context) throws InterruptedException {
        if (!adminPressed(context)) {
            return;
        }
        long admin = context.chat().id();
        int message = Say.pressed(context);
        replies.atomically(() -> {
            Optional<String> text = store.botState().get(pendingKey(admin));
            if (text.isEmpty() || !(payload.equals("send") || payload.equals("x"))) {
                context.answer(context.plain(Msg.ANSWER_EXPIRED));
                context.edit(message, context.text(Msg.SUBSCRIBE_CANCELLED), Keyboard.NONE);
                return;
            }
            store.botState().remove(pendingKey(admin));
            if (payload.equals("x")) {
                cancelled(context, message);
                return;
            }
            List<Long> chats = store.chats().receivingIds();
            Html body = Html.text(text.get());
            for (long chat : chats) {
                context.send(OutgoingMessage.of(chat, body));
            }
            context.answer(context.plain(Msg.ANSWER_SAVED));
            context.edit(message, context.text(Msg.ADMIN_BROADCAST_QUEUED, Map.of("count", chats.size())), Keyboard.NONE);
        });
    }

    // ---- confirmations ------------------------------------------------------------------------------------

    /** The two buttons under a question: do it, or cancel; each carries its handler's prefix and a short payload. */
    private static Keyboard confirmOrCancel(Context context, String prefix, String confirmPayload, Msg confirmLabel,
                                            String cancelPayload) {
        return Keyboard.of(List.of(List.of(
                CallbackData.of(prefix, confirmPayload).button(context.plain(confirmLabel)),
                CallbackData.of(prefix, cancelPayload).button(context.plain(Msg.BUTTON_CANCEL)))));
    }

    /**
     * Whether the button was pressed by one of {@code telegram.admins}; says no to anyone else (a confirmation sent
     * to an admin group can be pressed by any of its members).
     */
    private static boolean adminPressed(Context context) throws InterruptedException {
        if (!context.isAdmin()) {
            context.alert(context.plain(Msg.ANSWER_NOT_ALLOWED));
            return false;
        }
        return true;
    }

    private static void cancelled(Context context, int message) throws InterruptedException {
        context.answer(context.plain(Msg.ANSWER_CANCELLED));
        context.edit(message, context.text(Msg.SUBSCRIBE_CANCELLED), Keyboard.NONE);
    }

    private static String pendingKey(long adminChat) {
        return "broadcast.pending." + adminChat;
    }

    private static void sendSplit(Context context, List<Html> lines) throws InterruptedException {
        List<MessageSplitter.Block> blocks = lines.stream().map(MessageSplitter.Block::item).toList();
        for (Html part : MessageSplitter.forMessages().split(blocks, Html.text("\n"))) {
            context.reply(part);
        }
    }
}
