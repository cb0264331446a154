package dev.mojaz.bot.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands Mojaz answers, in the order its command menu lists them. Admin commands are answered only for
 * the chat ids in {@code telegram.admins} and are shown in the menu of those chats only.
 */
public enum BotCommand {
    START(false), HELP(false), SUBSCRIBE(false), UNSUBSCRIBE(false), LIST(false), SOURCES(false), ADD(false),
    DIGEST(false), SETTINGS(false), SUMMARY(false), LANG(false), STOP(false), FORGET(false),
    ADDSOURCE(true), REMOVESOURCE(true), PROMOTE(true), BLOCK(true), IMPORTOPML(true), EXPORTOPML(true), STATS(true),
    BROADCAST(true);

    private final boolean admin;

    BotCommand(boolean admin) {
        this.admin = admin;
    }

    /** The name as typed after the slash: lower case, 1–32 of {@code a-z 0-9 _}, as Telegram requires. */
    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAdmin() {
        return admin;
    }

    public static Optional<BotCommand> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.command().equals(name)).findFirst();
    }

    public static List<BotCommand> forEveryone() {
        return Arrays.stream(values()).filter(c -> !c.admin).toList();
    }

    public static List<BotCommand> forAdmins() {
        return List.of(values());
    }
}
