package dev.mojaz.bot.command;

/**
 * Handles one kind of input: a {@link ParsedCommand}, the payload of a button press, a message that is not a
 * command, a membership change. It answers through the {@link Context}.
 *
 * @param <T> what it handles
 */
@FunctionalInterface
public interface Handler<T> {
    void handle(T input, Context context) throws InterruptedException;
}
