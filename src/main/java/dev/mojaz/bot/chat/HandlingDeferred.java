package dev.mojaz.bot.chat;

/**
 * An update could not be handled now, for a reason that will pass: the database is busy beyond its timeout, the
 * disk is full, a connection was lost. Nothing of the update was committed and it was not recorded as handled, so
 * handling the same update again later is safe and is what must happen: the intake keeps it, does not acknowledge
 * it to Telegram, and offers it again after a pause (a webhook answers 503, and Telegram sends it again).
 *
 * <p>Any other exception out of an {@link IncomingHandler} is a fault in handling that one update; trying again
 * would fail the same way, so the intake logs it and goes on.
 */
public final class HandlingDeferred extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HandlingDeferred(String message, Throwable cause) {
        super(message, cause);
    }
}
