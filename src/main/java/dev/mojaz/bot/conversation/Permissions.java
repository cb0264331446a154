package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.ChatAdmins;
import dev.mojaz.bot.chat.ChatKind;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.i18n.Msg;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may change what Mojaz does in a chat (subscriptions, settings, pausing, erasing). In a private chat, the
 * person. In a channel, whoever posts (only a channel's admins can). In a group, its administrators only, asked of
 * Telegram through {@link ChatAdmins}; a message sent on behalf of the group itself (an anonymous admin) counts as an
 * admin's, and so do Mojaz's own admins ({@code telegram.admins}). Reading (/list, /sources, /help, summaries) is
 * open to everyone.
 */
final class Permissions {
    private final ChatAdmins admins;

    Permissions(ChatAdmins admins) {
        this.admins = Objects.requireNonNull(admins, "admins");
    }

    boolean mayChange(Context context) {
        ChatKind kind = context.chat().kind();
        if (kind == ChatKind.PRIVATE || kind == ChatKind.CHANNEL || context.isAdmin()) {
            return true;
        }
        Optional<Person> from = context.from();
        if (from.isEmpty()) {
            return true; // sent on behalf of the group: only its admins can do that
        }
        return admins.isAdmin(context.chat().id(), from.get().id());
    }

    /** True if the sender may change the chat; otherwise says so (a notice for a button, a reply otherwise). */
    boolean check(Context context) throws InterruptedException {
        if (mayChange(context)) {
            return true;
        }
        if (context.incoming() instanceof Incoming.Callback) {
            context.alert(context.plain(Msg.ANSWER_NOT_ALLOWED));
        } else {
            context.reply(Msg.GROUP_ADMINS_ONLY);
        }
        return false;
    }
}
