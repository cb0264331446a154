package dev.mojaz.delivery.outbox;

import dev.mojaz.store.ChatStore;
import java.util.Objects;

/**
 * What happens to a chat when Telegram says it can no longer receive messages, or that it moved. The store does the
 * durable part ({@link #of}); the application adds what lives in memory, such as the matcher's subscriptions.
 */
public interface ChatLifecycle {
    /** The chat blocked the bot, was deleted or kicked it out: stop delivering to it, keep its settings. */
    void deactivate(long chatId, String reason);

    /**
     * The group became a supergroup with a new id: everything of {@code fromId}, its waiting messages included, moves
     * to {@code toId}. Returns false when {@code fromId} was unknown (nothing moved).
     */
    boolean migrate(long fromId, long toId);

    /** The durable part alone: {@link ChatStore#deactivate} and {@link ChatStore#migrate}. */
    static ChatLifecycle of(ChatStore chats) {
        Objects.requireNonNull(chats, "chats");
        return new ChatLifecycle() {
            @Override
            public void deactivate(long chatId, String reason) {
                chats.deactivate(chatId, reason);
            }

            @Override
            public boolean migrate(long fromId, long toId) {
                return chats.migrate(fromId, toId);
            }
        };
    }
}
