package dev.mojaz.app;

import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.delivery.outbox.MessageGateway;
import dev.mojaz.delivery.outbox.SendOutcome;
import dev.mojaz.html.Html;
import dev.mojaz.html.TelegramHtml;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "Sends" by printing: each message rendered as plain text (links shown after their text, buttons numbered under
 * the message: {@code [1] العربية  [2] English}), so the console shows what a Telegram chat would. The buttons shown
 * last are remembered in {@link ConsoleButtons}, so that typing a number or a label presses one.
 */
public final class ConsoleGateway implements MessageGateway {
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"([^\"]*)\"");

    private final PrintStream out;
    private final AtomicInteger messageIds = new AtomicInteger();
    private final ConsoleButtons buttons;

    public ConsoleGateway(PrintStream out) {
        this(out, new ConsoleButtons());
    }

    /** @param buttons where the buttons shown are remembered for the person to press */
    public ConsoleGateway(PrintStream out, ConsoleButtons buttons) {
        this.out = Objects.requireNonNull(out, "out");
        this.buttons = Objects.requireNonNull(buttons, "buttons");
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        int id = messageIds.incrementAndGet();
        print(render(message.text()), id, message.keyboard(), "");
        return new SendOutcome.Sent(message.chatId(), id);
    }

    @Override
    public SendOutcome edit(MessageEdit edit) {
        print(render(edit.text()), edit.messageId(), edit.keyboard(), "(edited) ");
        return new SendOutcome.Sent(edit.chatId(), edit.messageId());
    }

    @Override
    public SendOutcome answer(CallbackAnswer answer) {
        if (!answer.text().isEmpty()) {
            synchronized (out) {
                out.println("(" + answer.text() + ")");
                out.println();
            }
        }
        return new SendOutcome.Sent(0, 0);
    }

    private void print(String text, int messageId, Keyboard keyboard, String prefix) {
        synchronized (out) {
            out.println(prefix + text);
            Iterator<Integer> numbers = buttons.shown(messageId, keyboard).iterator();
            for (List<Button> row : keyboard.rows()) {
                out.println("  " + row.stream().map(b -> label(b, numbers.next())).collect(Collectors.joining("  ")));
            }
            out.println();
            out.flush();
        }
    }

    /** {@code [1] label} for a button pressed by its number, {@code [label: url]} for a link. */
    private static String label(Button button, int number) {
        return number > 0 ? "[" + number + "] " + button.label() : "[" + button.label() + ": " + button.url() + "]";
    }

    /** The text a reader sees, with each link's address after its text: {@code title (https://…)}. */
    public static String render(Html html) {
        StringBuilder text = new StringBuilder();
        Deque<String> links = new ArrayDeque<>();
        for (TelegramHtml.Atom atom : TelegramHtml.parse(html.markup()).atoms()) {
            switch (atom.kind()) {
                case TEXT -> text.append(atom.visible());
                case START -> {
                    if (atom.tag().equals("a")) {
                        Matcher href = HREF.matcher(atom.markup());
                        links.push(href.find() ? unescape(href.group(1)) : "");
                    }
                }
                case END -> {
                    if (atom.tag().equals("a") && !links.isEmpty()) {
                        String url = links.pop();
                        if (!url.isEmpty()) {
                            text.append(" (").append(url).append(')');
                        }
                    }
                }
            }
        }
        return text.toString().strip();
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
