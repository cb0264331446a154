package dev.mojaz.bot.chat;

/**
 * Says who may speak for a group: in groups, only a group's admins may change what Mojaz posts there
 * (subscriptions, settings, pausing). Telegram's updates do not say who is an admin, nor which channel is linked to
 * a group, so this asks (getChatMember and getChat; {@code dev.mojaz.bot.telegram.TelegramChatAdmins}, which caches
 * the answers for a few minutes).
 */
public interface ChatAdmins {
    /** Whether {@code personId} is the creator or an administrator of the group or channel {@code chatId}. */
    boolean isAdmin(long chatId, long personId);

    /**
     * Whether {@code channelId} is the channel linked to the group {@code groupId} (the group is its discussion
     * group): only the channel's admins can post in the group as that channel.
     */
    boolean isLinkedChannel(long groupId, long channelId);

    /** Everyone counts as an admin: for the console and tests, where there are no groups to protect. */
    static ChatAdmins anyone() {
        return new ChatAdmins() {
            @Override
            public boolean isAdmin(long chatId, long personId) {
                return true;
            }

            @Override
            public boolean isLinkedChannel(long groupId, long channelId) {
                return true;
            }
        };
    }
}
