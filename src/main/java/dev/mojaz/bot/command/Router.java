package dev.mojaz.bot.command;

import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguageResolver;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each {@link Incoming} to the handler registered for it.
 *
 * <ul>
 *   <li>A command goes to its {@link BotCommand}'s handler; an admin command from anyone but a person listed in
 *       {@code telegram.admins} gets a polite refusal (a message sent on behalf of a chat never passes: anyone can
 *       post as a channel they own). A command addressed to another bot ({@code /help@otherbot}) is left alone in
 *       groups, where that bot may be present; in a private chat no other bot can see it, so the person is told it
 *       went to the wrong bot rather than met with silence.</li>
 *   <li>An unknown command gets the unknown-command handler, in a private chat always, in a group or channel
 *       only if it named this bot (a group's {@code /foo} may be meant for another bot).</li>
 *   <li>Other messages in a private chat go to the text handler (links, forwarded posts, free text): never
 *       silence. In groups and channels, the bot speaks only when spoken to with a command.</li>
 *   <li>A button press goes to the handler for its {@link CallbackData} prefix; if there is none, or the
 *       handler does not answer, the press is answered anyway, so no spinner is left turning.</li>
 *   <li>Membership changes and group migrations go to their handlers, if any.</li>
 * </ul>
 *
 * A handler that throws gets the person a short apology ({@code error.generic}) and is logged; the router itself
 * never throws, except {@link InterruptedException} and {@link HandlingDeferred} (the update will be handled again).
 */
public final class Router implements IncomingHandler {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final CommandParser parser;
    private final String botUsername;
    private final Set<Long> admins;
    private final LanguageResolver languages;
    private final Texts texts;
    private final ReplySink replies;
    private final Map<BotCommand, Handler<ParsedCommand>> commands;
    private final Map<String, Handler<String>> callbacks;
    private final Handler<ParsedCommand> unknownCommand;
    private final Handler<Incoming.Message> text;
    private final Handler<Incoming.Membership> membership;
    private final Handler<Incoming.Migration> migration;

    private Router(Builder b) {
        this.botUsername = b.botUsername;
        this.parser = new CommandParser(b.botUsername);
        this.admins = Set.copyOf(b.admins);
        this.languages = Objects.requireNonNull(b.languages, "languages");
        this.texts = Objects.requireNonNull(b.texts, "texts");
        this.replies = Objects.requireNonNull(b.replies, "replies");
        this.commands = new EnumMap<>(b.commands);
        this.callbacks = Map.copyOf(b.callbacks);
        this.unknownCommand = b.unknownCommand != null ? b.unknownCommand
                : (command, context) -> context.reply(Msg.UNKNOWN_COMMAND, Map.of("command", command.name()));
        this.text = b.text != null ? b.text : (message, context) -> context.reply(Msg.UNKNOWN_TEXT);
        this.membership = b.membership != null ? b.membership : (change, context) -> { };
        this.migration = b.migration != null ? b.migration : (change, context) -> { };
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handle(Incoming incoming) throws InterruptedException {
        Context context = contextFor(incoming);
        try {
            route(incoming, context);
        } catch (HandlingDeferred e) {
            throw e; // the database failed for now: the update is handled again later, so no apology
        } catch (RuntimeException e) {
            log.error("handling update {} in chat {} failed", incoming.updateId(), incoming.chat().id(), e);
            apologise(incoming, context);
        } finally {
            if (incoming instanceof Incoming.Callback && !context.answered()) {
                context.answer("");
            }
        }
    }

    private void route(Incoming incoming, Context context) throws InterruptedException {
        if (incoming instanceof Incoming.Message message) {
            routeMessage(message, context);
        } else if (incoming instanceof Incoming.Callback callback) {
            Optional<CallbackData> data = CallbackData.parse(callback.data());
            Handler<String> handler = data.map(d -> callbacks.get(d.prefix())).orElse(null);
            if (handler == null) {
                context.answer(context.plain(Msg.ANSWER_EXPIRED));
            } else {
                handler.handle(data.get().payload(), context);
            }
        } else if (incoming instanceof Incoming.Membership change) {
            membership.handle(change, context);
        } else if (incoming instanceof Incoming.Migration change) {
            migration.handle(change, context);
        }
    }

    private void routeMessage(Incoming.Message message, Context context) throws InterruptedException {
        boolean privateChat = message.chat().kind() == ChatKind.PRIVATE;
        Optional<ParsedCommand> parsed = parser.parse(message.text());
        if (parsed.isEmpty()) {
            if (privateChat) {
                text.handle(message, context);
            }
            return;
        }
        ParsedCommand command = parsed.get();
        Optional<BotCommand> known = BotCommand.byName(command.name());
        if (command.addressing() == ParsedCommand.Addressing.TO_ANOTHER_BOT) {
            // Not acted on even when it names one of ours: /stop@otherbot must not pause Mojaz.
            if (privateChat) {
                context.reply(Msg.UNKNOWN_OTHER_BOT, Map.of("command", command.name(),
                        "known", known.isPresent() ? "yes" : "no"));
            }
            return;
        }
        if (known.isPresent() && known.get().isAdmin() && !context.isAdmin()) {
            context.reply(Msg.ADMIN_NOT_ALLOWED);
            return;
        }
        Handler<ParsedCommand> handler = known.map(commands::get).orElse(null);
        if (handler == null) {
            if (privateChat || command.addressing() == ParsedCommand.Addressing.TO_US) {
                unknownCommand.handle(command, context);
            }
            return;
        }
        handler.handle(command, context);
    }

    private Context contextFor(Incoming incoming) {
        Optional<Person> from = Optional.empty();
        if (incoming instanceof Incoming.Message m) {
            from = m.from();
        } else if (incoming instanceof Incoming.Callback c) {
            from = Optional.of(c.from());
        } else if (incoming instanceof Incoming.Membership m) {
            from = m.by();
        }
        long chatId = incoming.chat().id();
        Language language = languages.forChat(chatId, from.map(Person::languageCode).orElse(""));
        // Only a person is a Mojaz admin, by their own id. Not a chat: a message on behalf of a channel or of a group
        // (sender_chat) names no person, and the chat a message is in says nothing about who wrote it.
        boolean admin = from.map(p -> admins.contains(p.id())).orElse(false);
        return new Context(incoming, language, admin, botUsername, texts, replies);
    }

    private void apologise(Incoming incoming, Context context) throws InterruptedException {
        try {
            if (incoming instanceof Incoming.Callback) {
                context.answer(context.plain(Msg.ANSWER_EXPIRED));
            } else if (incoming instanceof Incoming.Message message
                    && (message.chat().kind() == ChatKind.PRIVATE || parser.parse(message.text()).isPresent())) {
                context.reply(Msg.ERROR_GENERIC);
            }
        } catch (RuntimeException e) {
            log.warn("could not apologise in chat {}: {}", incoming.chat().id(), e.toString());
        }
    }

    /** Collects the handlers; anything not registered falls back to a helpful default. */
    public static final class Builder {
        private String botUsername = "";
        private Set<Long> admins = Set.of();
        private LanguageResolver languages;
        private Texts texts;
        private ReplySink replies;
        private final Map<BotCommand, Handler<ParsedCommand>> commands = new EnumMap<>(BotCommand.class);
        private final Map<String, Handler<String>> callbacks = new HashMap<>();
        private Handler<ParsedCommand> unknownCommand;
        private Handler<Incoming.Message> text;
        private Handler<Incoming.Membership> membership;
        private Handler<Incoming.Migration> migration;

        private Builder() {
        }

        /** The bot's username from getMe, to recognise {@code /command@username}. */
        public Builder botUsername(String username) {
            this.botUsername = username == null ? "" : username;
            return this;
        }

        public Builder admins(Iterable<Long> adminIds) {
            Set<Long> ids = new HashSet<>();
            adminIds.forEach(ids::add);
            this.admins = ids;
            return this;
        }

        public Builder languages(LanguageResolver resolver) {
            this.languages = resolver;
            return this;
        }

        public Builder texts(Texts allTexts) {
            this.texts = allTexts;
            return this;
        }

        public Builder replies(ReplySink sink) {
            this.replies = sink;
            return this;
        }

        public Builder command(BotCommand command, Handler<ParsedCommand> handler) {
            commands.put(command, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** The handler for buttons whose callback data starts with {@code prefix:}. */
        public Builder callback(String prefix, Handler<String> handler) {
            CallbackData.of(prefix, ""); // checks the prefix
            callbacks.put(prefix, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public Builder unknownCommand(Handler<ParsedCommand> handler) {
            this.unknownCommand = handler;
            return this;
        }

        /** Messages in private chats that are not commands: links, forwarded posts, free text. */
        public Builder text(Handler<Incoming.Message> handler) {
            this.text = handler;
            return this;
        }

        public Builder membership(Handler<Incoming.Membership> handler) {
            this.membership = handler;
            return this;
        }

        public Builder migration(Handler<Incoming.Migration> handler) {
            this.migration = handler;
            return this;
        }

        public Router build() {
            return new Router(this);
        }
    }
}
