package dev.mojaz.cli;

import dev.mojaz.app.ConsoleSession;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.Storage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A console session opened as {@code console} opens it (sample site, store file, source pipeline, bot, session),
 * typed into line by line: each {@link #type} returns what the console printed for that line, so a test can read a
 * link or a button's number from one answer and use it in the next line.
 */
final class ConsoleRig implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ConsoleCommand.Console console;
    private int read;
    private int errRead;

    ConsoleRig(Path dir, String language) {
        this(dir, language, new ConfigLoader(Map.of()).defaults());
    }

    ConsoleRig(Path dir, String language, MojazConfig config) {
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), dir, Clock.systemUTC());
        this.console = ConsoleCommand.Console.open(context, config, dir.resolve("console.db"), language);
    }

    /** Types one line; returns what was printed for it (the bot's replies, edits and button answers). */
    synchronized String type(String line) throws InterruptedException {
        console.session().say(line);
        String all = out.toString(StandardCharsets.UTF_8);
        String printed = all.substring(read);
        read = all.length();
        return printed;
    }

    /** What the console said about itself (not the bot) since the last call. */
    synchronized String notes() {
        String all = err.toString(StandardCharsets.UTF_8);
        String printed = all.substring(errRead);
        errRead = all.length();
        return printed;
    }

    Storage store() {
        return console.store();
    }

    ConsoleCommand.Console console() {
        return console;
    }

    /** The console person's chat as stored now. */
    Chat chat() {
        return store().chats().find(ConsoleSession.PERSON_ID).orElseThrow();
    }

    @Override
    public void close() {
        console.close();
    }
}
