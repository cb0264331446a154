package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.ChatAdmins;
import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.bot.command.Context;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.i18n.Msg;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may change what Mojaz does in a chat (subscriptions, settings, pausing, erasing). Reading (/list, /sources,
 * /help, summaries) is open to everyone; Mojaz's own admin commands are the router's business (a person listed in
 * {@code telegram.admins}, never a chat).
 *
 * <p>A person may change their private chat, and a group or channel they administer (asked of Telegram through
 * {@link ChatAdmins}); a person listed in {@code telegram.admins} may change any chat. A message sent on behalf of a
 * chat ({@code sender_chat}, where Telegram puts a service account in {@code from}) names no person, so it counts
 * only when that chat can only be used by the chat's own admins:
 * <ul>
 *   <li>the chat itself: a channel's posts (only its admins post), and a group's anonymous admins (Telegram sets
 *       {@code sender_chat} to the group itself, and only admins can be anonymous);</li>
 *   <li>the channel linked to the group (its discussion group): only that channel's admins can post as it. The
 *       channel's own posts, which Telegram copies into the group as automatic forwards, never get here (the update
 *       parser drops them: nobody addressed the group);</li>
 *   <li>never any other chat: any member may post as a channel they own, and that says nothing about them.</li>
 * </ul>
 */
final class Permissions {
    private final ChatAdmins admins;

    Permissions(ChatAdmins admins) {
        this.admins = Objects.requireNonNull(admins, "admins");
    }

    boolean mayChange(Context context) {
        ChatRef chat = context.chat();
        if (chat.kind() == ChatKind.PRIVATE || context.isAdmin()) {
            return true;
        }
        Optional<Person> from = context.from();
        if (from.isPresent()) {
            return admins.isAdmin(chat.id(), from.get().id());
        }
        Optional<ChatRef> onBehalfOf = context.senderChat();
        if (onBehalfOf.isEmpty()) {
            return false; // neither a person nor a chat: nobody to trust
        }
        long sender = onBehalfOf.get().id();
        return sender == chat.id() || (chat.kind().isGroupLike() && admins.isLinkedChannel(chat.id(), sender));
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
