package dev.mojaz.bot.chat;

/**
 * Remembers which updates the bot has finished handling, so that after a restart getUpdates resumes right after
 * them: nothing handled twice, nothing lost (Telegram keeps unconfirmed updates for 24 hours).
 *
 * <p>Two parts: the low-water mark ({@link #lastHandled()}: this update and every earlier one is handled), which
 * the intake advances and sends to Telegram as the offset; and, above it, single updates that were handled while an
 * earlier one (of another chat) was still in hand ({@link #wasHandled}). The store keeps the mark in its bot-state
 * table and records each update in the transaction of its turn.
 */
public interface UpdateOffsetStore {
    /** The low-water mark: the last update id up to which every update is handled, or 0 if none ever was. */
    long lastHandled();

    /** Records that {@code updateId} and every earlier one has been handled (advances the low-water mark). */
    void handled(long updateId);

    /** Whether this one update was handled: at or below the mark, or recorded on its own above it. */
    default boolean wasHandled(long updateId) {
        return updateId <= lastHandled();
    }
}
