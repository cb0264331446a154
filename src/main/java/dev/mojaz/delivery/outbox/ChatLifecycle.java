package dev.mojaz.delivery.outbox;

import dev.mojaz.domain.ChatRepository;
import dev.mojaz.match.SubscriptionIndex;
import java.util.Objects;

/**
 * What happens to a chat when Telegram says it can no longer receive messages, or that it moved: the store's durable
 * change, then the subscription index brought in step with it ({@link #of(ChatRepository, SubscriptionIndex)}).
 */
public interface ChatLifecycle {
    /** The chat blocked the bot, was deleted or kicked it out: stop delivering to it, keep its settings. */
    void deactivate(long chatId, String reason);

    /**
     * The group became a supergroup with a new id: everything of {@code fromId}, its waiting messages included, moves
     * to {@code toId}. Returns false when {@code fromId} was unknown (nothing moved).
     */
    boolean migrate(long fromId, long toId);

    /** The durable part alone: {@link ChatRepository#deactivate} and {@link ChatRepository#migrate}. */
    static ChatLifecycle of(ChatRepository chats) {
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

    /**
     * The durable part, then {@code index} brought in step with the store for the chats concerned (so that a later
     * /unsubscribe in a moved chat reaches the index too).
     */
    static ChatLifecycle of(ChatRepository chats, SubscriptionIndex index) {
        ChatLifecycle durable = of(chats);
        Objects.requireNonNull(index, "index");
        return new ChatLifecycle() {
            @Override
            public void deactivate(long chatId, String reason) {
                durable.deactivate(chatId, reason);
                index.sync(chatId);
            }

            @Override
            public boolean migrate(long fromId, long toId) {
                if (!durable.migrate(fromId, toId)) {
                    return false;
                }
                index.sync(fromId);
                index.sync(toId);
                return true;
            }
        };
    }
}
