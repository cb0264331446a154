package dev.mojaz.bot.chat;

/**
 * Acts on what arrives. The intake calls it for each update in order and records the update as handled when it
 * returns; an exception is logged and the update counts as handled (one bad update never stops the others),
 * except {@link InterruptedException}, which means the bot is stopping: the update is left for next time.
 */
@FunctionalInterface
public interface IncomingHandler {
    void handle(Incoming incoming) throws InterruptedException;
}
