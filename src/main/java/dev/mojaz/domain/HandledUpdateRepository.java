package dev.mojaz.domain;



/**
 * Telegram updates handled above the low-water mark, so that none is handled twice after a restart.
 */
public interface HandledUpdateRepository {    /** Records {@code updateId} as handled; joins the caller's transaction. False when it was recorded already. */
    boolean record(long updateId);

    /** Whether {@code updateId} is recorded (it may also be handled by being at or below the low-water mark). */
    boolean contains(long updateId);

    /** Forgets every update up to {@code updateId}, once the low-water mark covers them; returns how many. */
    int forgetThrough(long updateId);
}
