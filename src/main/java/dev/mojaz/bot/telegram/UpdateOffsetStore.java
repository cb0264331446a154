package dev.mojaz.bot.telegram;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the id of the last update the bot finished handling, so that after a restart getUpdates resumes
 * right after it: nothing handled twice, nothing lost (Telegram keeps unconfirmed updates for 24 hours).
 *
 * <p>A seam: the store persists it in its bot-state table (phase 2), ideally in the same transaction as the
 * handler's own changes. {@link #inMemory()} serves until then and in tests.
 */
public interface UpdateOffsetStore {
    /** The last handled update id, or 0 if none was ever handled. */
    long lastHandled();

    /** Records that {@code updateId} (and every earlier one) has been handled. */
    void handled(long updateId);

    /** Kept in memory only: a restart starts from whatever Telegram still holds. */
    static UpdateOffsetStore inMemory() {
        AtomicLong last = new AtomicLong();
        return new UpdateOffsetStore() {
            @Override
            public long lastHandled() {
                return last.get();
            }

            @Override
            public void handled(long updateId) {
                last.accumulateAndGet(updateId, Math::max);
            }
        };
    }
}
