package dev.mojaz.bot.command;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a command from a message text the way Telegram defines one: a slash, 1–32 letters, digits or
 * underscores, optionally {@code @botusername}, then the arguments after white space.
 */
public final class CommandParser {
    private static final Pattern COMMAND = Pattern.compile("/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\\s|$)(.*)",
            Pattern.DOTALL);

    private final String botUsername;

    /** @param botUsername the bot's own username, without {@code @}, as getMe gives it */
    public CommandParser(String botUsername) {
        this.botUsername = botUsername == null ? "" : botUsername.trim();
    }

    /** The command at the start of {@code text}, or empty if the text is not a command. */
    public Optional<ParsedCommand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text.stripLeading());
        if (!m.matches()) {
            return Optional.empty();
        }
        String mention = m.group(2);
        ParsedCommand.Addressing addressing = mention == null ? ParsedCommand.Addressing.UNADDRESSED
                : mention.equalsIgnoreCase(botUsername) ? ParsedCommand.Addressing.TO_US
                : ParsedCommand.Addressing.TO_ANOTHER_BOT;
        return Optional.of(new ParsedCommand(m.group(1).toLowerCase(Locale.ROOT), m.group(3).strip(), addressing));
    }
}
