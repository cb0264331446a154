package dev.mojaz.bot.command;

import java.util.Objects;

/**
 * A command as typed: {@code /subscribe@MojazBot سوريا -رياضة} is name {@code subscribe}, arguments
 * {@code سوريا -رياضة}, addressed to the bot by name.
 *
 * @param name       lower case, without the slash
 * @param arguments  the rest of the text, trimmed; may span lines; empty if none
 * @param addressing whether the command named a bot, and which
 */
public record ParsedCommand(String name, String arguments, Addressing addressing) {
    public enum Addressing {
        /** {@code /help}: for whichever bot handles it. */
        UNADDRESSED,
        /** {@code /help@ourbot}. */
        TO_US,
        /** {@code /help@otherbot}: not ours to answer. */
        TO_ANOTHER_BOT
    }

    public ParsedCommand {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
        Objects.requireNonNull(addressing, "addressing");
    }

    public boolean hasArguments() {
        return !arguments.isEmpty();
    }
}
