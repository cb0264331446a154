package dev.mojaz.bot.chat;

import java.util.Locale;

/**
 * The bot's own standing in a chat, from {@code my_chat_member} updates. In a private chat {@link #KICKED} means
 * the person blocked the bot and {@link #MEMBER} that they unblocked it or started it again.
 */
public enum MemberStatus {
    CREATOR, ADMINISTRATOR, MEMBER, RESTRICTED, LEFT, KICKED;

    public static MemberStatus fromTelegram(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "creator" -> CREATOR;
            case "administrator" -> ADMINISTRATOR;
            case "member" -> MEMBER;
            case "restricted" -> RESTRICTED;
            case "kicked" -> KICKED;
            default -> LEFT;
        };
    }

    /** Whether the bot can still send to the chat. */
    public boolean canReceive() {
        return this != LEFT && this != KICKED;
    }
}
