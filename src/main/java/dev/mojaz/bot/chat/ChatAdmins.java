package dev.mojaz.bot.chat;

/**
 * Says whether a person administers a group: in groups, only a group's admins may change what Mojaz posts there
 * (subscriptions, settings, pausing). Telegram's updates do not say who is an admin, so this asks (getChatMember;
 * {@code dev.mojaz.bot.telegram.TelegramChatAdmins}, which caches the answers for a few minutes).
 */
@FunctionalInterface
public interface ChatAdmins {
    /** Whether {@code personId} is the creator or an administrator of the group {@code chatId}. */
    boolean isAdmin(long chatId, long personId);

    /** Everyone counts as an admin: for the console and tests, where there are no groups to protect. */
    static ChatAdmins anyone() {
        return (chatId, personId) -> true;
    }
}
