package dev.mojaz.bot.conversation;

import dev.mojaz.bot.telegram.UpdateOffsetStore;
import dev.mojaz.store.Store;
import java.util.Objects;

/**
 * The last handled Telegram update id, kept in the store's bot state ({@value #KEY}). {@link OutboxReplies} records
 * it in the same transaction as the update's effects and replies; the intake (long polling, or a webhook) reads it
 * to resume after a restart and to skip updates already handled.
 */
public final class StoredUpdateOffsets implements UpdateOffsetStore {
    /** The bot-state name under which the id is kept. */
    public static final String KEY = "telegram.last-update-id";

    private final Store store;

    public StoredUpdateOffsets(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public long lastHandled() {
        return store.botState().getLong(KEY).orElse(0);
    }

    /** Records {@code updateId} unless a later one is recorded already; joins the caller's transaction if any. */
    @Override
    public void handled(long updateId) {
        store.transaction(() -> {
            if (updateId > lastHandled()) {
                store.botState().putLong(KEY, updateId);
            }
        });
    }
}
