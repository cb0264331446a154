package dev.mojaz.app;

import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.bot.chat.UpdateOffsetStore;
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
 * same conversation as on Telegram; replies go through the same outbox and sender, to a {@link ConsoleGateway} that
 * prints them. A line that is the number or the exact label of a button shown last ({@link ConsoleButtons}) is a
 * press of that button instead, handed to the conversation as the button press Telegram would send. After each line
 * the sample site publishes one more article, which is polled, matched and dispatched at once, so alerts appear as
 * the session goes on; once all are out the person is told so, once. {@code /digest} shows the digest. Everything
 * runs on the calling thread, in order: the replies to a line are printed before the next line is read.
 *
 * <p>Update ids go on from the last one the store recorded as handled, so a session resumed over the same store
 * ({@code console --store FILE}) is heard from its first line.
 */
public final class ConsoleSession {
    /** The console person's user id, which is also their private chat's id. */
    public static final long PERSON_ID = 1;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"«»]+");

    private final BotApplication application;
    private final SampleSite site;
    private final PrintStream out;
    private final PrintStream notes;
    private final Person person;
    private final ConsoleButtons buttons;
    private long updateId;
    private int messageId;
    private boolean toldSamplesAreOut;

    /**
     * @param out     where the conversation is printed (the {@link ConsoleGateway}'s stream)
     * @param notes   where the console says things about itself (all samples are out), not the bot
     * @param person  who types: their name and Telegram language decide the language of the answers, as on Telegram
     * @param buttons the buttons the {@link ConsoleGateway} showed last
     */
    public ConsoleSession(BotApplication application, SampleSite site, PrintStream out, PrintStream notes,
                          Person person, ConsoleButtons buttons) {
        this.application = Objects.requireNonNull(application, "application");
        this.site = Objects.requireNonNull(site, "site");
        this.out = Objects.requireNonNull(out, "out");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.person = Objects.requireNonNull(person, "person");
        this.buttons = Objects.requireNonNull(buttons, "buttons");
        this.updateId = application.conversation().updateOffsets().lastHandled();
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

    /**
     * One message from the person (or a button press, when the text names a button shown), its replies, then one
     * more sample article and whatever it sets off.
     */
    public void say(String text) throws InterruptedException {
        ChatRef chat = ChatRef.privateChat(person.id(), person.firstName());
        Optional<ConsoleButtons.Press> press = buttons.press(text);
        long id = nextUpdateId();
        Incoming incoming = press.isPresent()
                ? new Incoming.Callback(id, chat, person, "console-" + id, press.get().messageId(), press.get().data())
                : new Incoming.Message(id, chat, Optional.of(person), ++messageId, text, links(text), false);
        application.conversation().handle(incoming);
        // The console is the intake here: it advances the mark as the Telegram intake does after an update.
        application.conversation().updateOffsets().handled(id);
        application.sendNow();
        site.publishNext();
        // every source, each line: the sample feed's new article, and a source the person has just added
        application.pollNow();
        application.dispatchNow();
        application.sendNow();
        if (site.published() == site.total() && !toldSamplesAreOut) {
            toldSamplesAreOut = true;
            synchronized (notes) {
                notes.println("(console: that was the last of the " + site.total() + " sample articles; no more"
                        + " samples arrive in this session. /digest, /list, links you send and sources you /add"
                        + " still work.)");
                notes.println();
            }
        }
    }

    /** The next id no update of this store was handled with (a store written by an older console may hold some). */
    private long nextUpdateId() {
        UpdateOffsetStore offsets = application.conversation().updateOffsets();
        do {
            updateId++;
        } while (offsets.wasHandled(updateId));
        return updateId;
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
