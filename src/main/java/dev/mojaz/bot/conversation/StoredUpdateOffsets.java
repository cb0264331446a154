package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.domain.Storage;
import java.util.Objects;

/**
 * Which Telegram updates are handled, kept in the store: the low-water mark in bot state ({@value #KEY}: every
 * update up to it is handled), which the intake advances, and each update handled above it
 * ({@code handled_updates}), which {@link OutboxReplies} records in the same transaction as the update's effects
 * and replies. Updates of different chats commit out of order, so the mark alone could not tell a later update
 * that committed from one that did not; the two together say exactly which updates a restart must skip.
 */
public final class StoredUpdateOffsets implements UpdateOffsetStore {
    /** The bot-state name under which the low-water mark is kept. */
    public static final String KEY = "telegram.last-update-id";

    private final Storage store;

    public StoredUpdateOffsets(Storage store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public long lastHandled() {
        return store.botState().getLong(KEY).orElse(0);
    }

    /**
     * Advances the mark to {@code updateId} (unless it is past it already) and forgets the single updates it now
     * covers; joins the caller's transaction if any.
     */
    @Override
    public void handled(long updateId) {
        store.transaction(() -> {
            if (updateId > lastHandled()) {
                store.botState().putLong(KEY, updateId);
                store.handledUpdates().forgetThrough(updateId);
            }
        });
    }

    @Override
    public boolean wasHandled(long updateId) {
        return updateId <= lastHandled() || store.handledUpdates().contains(updateId);
    }

    /** Records that the turn of {@code updateId} committed; call it inside the turn's transaction. */
    void recordTurn(long updateId) {
        store.handledUpdates().record(updateId);
    }
}
