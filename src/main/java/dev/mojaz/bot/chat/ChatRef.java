package dev.mojaz.bot.chat;

import dev.mojaz.domain.ChatKind;
import java.util.Objects;

/**
 * A chat as an update names it.
 *
 * @param id    Telegram's 64-bit chat id (people positive, groups and channels negative)
 * @param kind  private chat, group, supergroup or channel
 * @param title the group or channel title, or the person's first name in a private chat; never null
 */
public record ChatRef(long id, ChatKind kind, String title) {
    public ChatRef {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
    }

    public static ChatRef privateChat(long id, String firstName) {
        return new ChatRef(id, ChatKind.PRIVATE, firstName);
    }
}
