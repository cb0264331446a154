package dev.mojaz.bot.command;

import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Texts;
import java.util.List;
import java.util.Objects;

/**
 * The command menus Telegram shows next to the message box, one per language: the commands for everyone, and
 * for admin chats the admin commands as well. Descriptions come from the bundles ({@code command.<name>}).
 */
public final class CommandMenu {
    /** Telegram's limit on a command description. */
    public static final int MAX_DESCRIPTION = 256;

    /** One menu line. */
    public record Entry(String command, String description) {
        public Entry {
            Objects.requireNonNull(command, "command");
            if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
                throw new IllegalArgumentException("the description of /" + command + " must be 1–"
                        + MAX_DESCRIPTION + " characters");
            }
        }
    }

    private final Texts texts;

    public CommandMenu(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The menu everyone sees. */
    public List<Entry> forEveryone(Language language) {
        return entries(language, BotCommand.forEveryone());
    }

    /** The menu admin chats see: everyone's commands, then the admin ones. */
    public List<Entry> forAdmins(Language language) {
        return entries(language, BotCommand.forAdmins());
    }

    private List<Entry> entries(Language language, List<BotCommand> commands) {
        return commands.stream()
                .map(c -> new Entry(c.command(), texts.commandDescription(language, c.command())))
                .toList();
    }
}
