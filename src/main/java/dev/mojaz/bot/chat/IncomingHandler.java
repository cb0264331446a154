package dev.mojaz.bot.chat;

/**
 * Acts on what arrives. The intake calls it for each update, updates of one chat in order (updates of different
 * chats may be handled at the same time, on different threads), and counts the update as handled when it returns.
 *
 * <p>When it throws:
 * <ul>
 *   <li>{@link HandlingDeferred}: a failure that will pass (the database); nothing was committed, and the intake
 *       offers the same update again later, acknowledging nothing past it meanwhile;</li>
 *   <li>{@link InterruptedException}: the bot is stopping; the update is left for next time;</li>
 *   <li>anything else: a fault in handling this one update; it is logged and counts as handled, so one bad update
 *       never stops the others.</li>
 * </ul>
 */
@FunctionalInterface
public interface IncomingHandler {
    void handle(Incoming incoming) throws InterruptedException;
}
