package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.MemberStatus;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.bot.command.CallbackData;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.dispatch.OnDemandDigest;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.Storage;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguagePreferences;
import dev.mojaz.i18n.Msg;
import dev.mojaz.match.SubscriptionIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat's life with Mojaz: /start (register with the defaults, or resume), /help, /lang, /stop (pause), /forget
 * (erase, after a confirmation), /digest (now), and what Telegram reports about the bot's membership (blocked,
 * added to a group, made a channel's admin) and group migrations.
 */
final class ChatLifecycle {
    static final String LANG = "lang";
    static final String FORGET = "forget";
    /** Bot-state keys of a chat, erased with it. */
    static final List<String> CHAT_STATE = List.of(Subscriptions.AWAITING, Subscriptions.FOREIGN,
            PersonalSources.AWAITING);

    private final Storage store;
    private final ChatRegistry chats;
    private final Permissions permissions;
    private final OutboxReplies replies;
    private final SubscriptionIndex matcher;
    private final LanguagePreferences languages;
    private final OnDemandDigest digest;
    private final PersonalSources personal;

    ChatLifecycle(Storage store, ChatRegistry chats, Permissions permissions, OutboxReplies replies,
                  SubscriptionIndex matcher, LanguagePreferences languages, OnDemandDigest digest,
                  PersonalSources personal) {
        this.store = Objects.requireNonNull(store, "store");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.personal = Objects.requireNonNull(personal, "personal");
    }

    void start(ParsedCommand command, Context context) throws InterruptedException {
        long id = context.chat().id();
        Optional<Chat> before = chats.find(id);
        boolean resuming = before.isPresent() && !before.get().receiving();
        if (resuming && !permissions.check(context)) {
            return;
        }
        replies.atomically(() -> {
            Chat chat = chats.ensure(context);
            if (resuming) {
                store.chats().setPaused(id, false);
                store.chats().reactivate(id);
                replies.afterCommit(() -> matcher.sync(id));
            }
            ChatKind kind = context.chat().kind();
            if (kind == ChatKind.CHANNEL) {
                context.reply(Msg.START_CHANNEL);
            } else if (kind.isGroupLike()) {
                context.reply(Msg.START_GROUP, Map.of("bot", context.botUsername()));
            } else {
                String name = context.from().map(Person::firstName).filter(n -> !n.isBlank())
                        .orElse(context.chat().title());
                if (resuming) {
                    context.reply(Msg.START_WELCOME_BACK, Map.of("name", name));
                } else {
                    List<String> hours = chat.settings().digestHours().stream().map(Say::hour).toList();
                    context.reply(Msg.START_WELCOME, Map.of("name", name,
                            "digest_time", hours.isEmpty() ? context.plain(Msg.VALUE_NONE)
                                    : Say.list(context.language(), hours),
                            "hour_count", hours.size(),
                            "timezone", context.texts().zoneName(context.language(), chat.settings().timeZone().getId())));
                }
            }
        });
    }

    void help(ParsedCommand command, Context context) throws InterruptedException {
        Html help = context.text(Msg.HELP_TEXT, Map.of("query_help", context.text(Msg.HELP_QUERY)));
        if (context.isAdmin()) {
            help = Html.concat(help, Html.text("\n\n"), context.text(Msg.HELP_ADMIN));
        }
        context.reply(help);
    }

    void stop(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        long id = context.chat().id();
        replies.atomically(() -> {
            Chat chat = chats.ensure(context);
            if (chat.paused()) {
                context.reply(Msg.STOP_ALREADY);
                return;
            }
            store.chats().setPaused(id, true);
            replies.afterCommit(() -> matcher.sync(id));
            context.reply(Msg.STOP_DONE);
        });
    }

    void askLanguage(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        Keyboard choices = Keyboard.of(List.of(List.of(
                CallbackData.of(LANG, Language.AR.code()).button(context.plain(Msg.BUTTON_LANG_AR)),
                CallbackData.of(LANG, Language.EN.code()).button(context.plain(Msg.BUTTON_LANG_EN)))));
        context.reply(context.text(Msg.LANG_ASK), choices);
    }

    void chooseLanguage(String payload, Context context) throws InterruptedException {
        Optional<Language> chosen = Language.fromCode(payload);
        if (chosen.isEmpty()) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        if (!permissions.check(context)) {
            return;
        }
        Language language = chosen.get();
        replies.atomically(() -> {
            chats.ensure(context.chat(), language);
            languages.choose(context.chat().id(), language);
            context.answer(context.texts().plain(language, Msg.ANSWER_SAVED));
            context.edit(Say.pressed(context), context.texts().html(language, Msg.LANG_DONE), Keyboard.NONE);
        });
    }

    void askForget(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        Keyboard confirm = Keyboard.column(List.of(
                CallbackData.of(FORGET, "yes").button(context.plain(Msg.BUTTON_FORGET_YES)),
                CallbackData.of(FORGET, "no").button(context.plain(Msg.BUTTON_FORGET_NO))));
        context.reply(context.text(Msg.FORGET_CONFIRM), confirm);
    }

    void forget(String payload, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        long id = context.chat().id();
        int message = Say.pressed(context);
        if (payload.equals("no")) {
            context.answer(context.plain(Msg.ANSWER_CANCELLED));
            context.edit(message, context.text(Msg.FORGET_CANCELLED), Keyboard.NONE);
            return;
        }
        if (!payload.equals("yes")) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        replies.atomically(() -> {
            store.chats().forget(id);
            // its ownership of personal sources went with the chat; a source no one owns now goes too
            personal.removeOwnerless();
            for (String what : CHAT_STATE) {
                store.botState().remove(Say.chatState(id, what));
            }
            replies.afterCommit(() -> matcher.sync(id));
            // the goodbye is enqueued after the erasing, in the same transaction: the only trace left, until sent
            context.reply(Msg.FORGET_DONE);
            context.edit(message, context.text(Msg.FORGET_CONFIRM), Keyboard.NONE);
        });
    }

    void digestNow(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        long id = context.chat().id();
        replies.atomically(() -> {
            Chat chat = chats.ensure(context);
            if (chat.paused()) {
                context.reply(Msg.ERROR_PAUSED_CHAT);
                return;
            }
            if (store.subscriptions().list(id).isEmpty()) {
                context.reply(Msg.UNSUBSCRIBE_NONE);
                return;
            }
            int articles = digest.enqueueNow(id);
            if (articles == 0) {
                context.reply(Msg.DIGEST_EMPTY);
            } else {
                replies.wakeSender();
            }
        });
    }

    void membershipChanged(Incoming.Membership change, Context context) throws InterruptedException {
        long id = change.chat().id();
        ChatKind kind = change.chat().kind();
        MemberStatus status = change.status();
        replies.atomically(() -> {
            Optional<Chat> before = chats.find(id);
            boolean wasAway = before.isEmpty() || !before.get().active();
            if (kind == ChatKind.PRIVATE) {
                if (!status.canReceive()) {
                    before.ifPresent(chat -> store.chats().deactivate(id, "the person blocked the bot"));
                } else if (before.isPresent()) {
                    store.chats().reactivate(id);
                }
            } else if (kind == ChatKind.CHANNEL) {
                // a bot posts in a channel only as its administrator
                if (status == MemberStatus.ADMINISTRATOR || status == MemberStatus.CREATOR) {
                    chats.ensure(change.chat(), context.language());
                    store.chats().reactivate(id);
                    if (wasAway) {
                        context.reply(Msg.START_CHANNEL);
                    }
                } else if (before.isPresent()) {
                    store.chats().deactivate(id, "the bot is no longer an administrator of the channel");
                }
            } else if (status.canReceive()) {
                chats.ensure(change.chat(), context.language());
                store.chats().reactivate(id);
                if (wasAway) {
                    context.reply(Msg.GROUP_ADDED);
                }
            } else if (before.isPresent()) {
                store.chats().deactivate(id, "the bot was removed from the group");
            }
            replies.afterCommit(() -> matcher.sync(id));
        });
    }

    void migrated(Incoming.Migration change, Context context) throws InterruptedException {
        long from = change.chat().id();
        long to = change.toChatId();
        if (from == to) {
            return;
        }
        replies.atomically(() -> {
            if (store.chats().migrate(from, to)) {
                for (String what : CHAT_STATE) {
                    store.botState().remove(Say.chatState(from, what));
                }
                replies.afterCommit(() -> {
                    matcher.sync(from);
                    matcher.sync(to);
                });
            }
        });
    }
}
