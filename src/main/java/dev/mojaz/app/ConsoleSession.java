package dev.mojaz.app;

import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.Person;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat with the bot in a terminal. Each line typed is a message from one person in a private chat, handled by the
 * same router as on Telegram; replies go through the same outbox and sender, to a {@link ConsoleGateway} that prints
 * them. After each line the sample site publishes one more article, which is polled, matched and dispatched at once,
 * so alerts appear as the session goes on; {@code /digest} shows the digest. Everything runs on the calling thread,
 * in order: the replies to a line are printed before the next line is read.
 */
public final class ConsoleSession {
    /** The console person's user id, which is also their private chat's id. */
    public static final long PERSON_ID = 1;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"«»]+");

    private final BotApplication application;
    private final SampleSite site;
    private final PrintStream out;
    private final Person person;
    private long updateId;
    private int messageId;

    /**
     * @param person who types: their name and Telegram language decide the language of the answers, as on Telegram
     */
    public ConsoleSession(BotApplication application, SampleSite site, PrintStream out, Person person) {
        this.application = Objects.requireNonNull(application, "application");
        this.site = Objects.requireNonNull(site, "site");
        this.out = Objects.requireNonNull(out, "out");
        this.person = Objects.requireNonNull(person, "person");
    }

    /**
     * Reads lines until the input ends.
     *
     * @param echo print each line before its answers (when the input is a script, not a person at a keyboard)
     */
    public void run(BufferedReader in, boolean echo) throws IOException, InterruptedException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (echo) {
                synchronized (out) {
                    out.println("› " + line);
                    out.println();
                }
            }
            say(line.strip());
        }
    }

    /** One message from the person, its replies, then one more sample article and whatever it sets off. */
    public void say(String text) throws InterruptedException {
        Incoming.Message message = new Incoming.Message(++updateId, ChatRef.privateChat(person.id(), person.firstName()),
                Optional.of(person), ++messageId, text, links(text), false);
        application.conversation().handle(message);
        application.sendNow();
        if (site.publishNext()) {
            application.pollNow();
        }
        application.dispatchNow();
        application.sendNow();
    }

    private static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            links.add(url.group());
        }
        return links;
    }
}
