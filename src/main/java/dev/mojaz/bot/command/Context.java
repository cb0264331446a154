package dev.mojaz.bot.command;

import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler needs to answer one input: the chat, who wrote, the language to answer in, whether they are an
 * admin, the texts, and replies that go back to the same chat.
 */
public final class Context {
    private final Incoming incoming;
    private final Language language;
    private final boolean admin;
    private final String botUsername;
    private final Texts texts;
    private final ReplySink replies;
    private boolean answered;

    Context(Incoming incoming, Language language, boolean admin, String botUsername, Texts texts, ReplySink replies) {
        this.incoming = Objects.requireNonNull(incoming, "incoming");
        this.language = Objects.requireNonNull(language, "language");
        this.admin = admin;
        this.botUsername = botUsername;
        this.texts = Objects.requireNonNull(texts, "texts");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public Incoming incoming() {
        return incoming;
    }

    public ChatRef chat() {
        return incoming.chat();
    }

    /** The person who wrote or pressed; empty for a message sent on behalf of a chat (see {@link #senderChat()}). */
    public Optional<Person> from() {
        if (incoming instanceof Incoming.Message m) {
            return m.from();
        }
        if (incoming instanceof Incoming.Callback c) {
            return Optional.of(c.from());
        }
        if (incoming instanceof Incoming.Membership m) {
            return m.by();
        }
        return Optional.empty();
    }

    /**
     * The chat a message was sent on behalf of ({@code sender_chat}): a channel for its posts, a group for its
     * anonymous admins, or any channel a member chose to post as; empty for a person's own messages and button
     * presses.
     */
    public Optional<ChatRef> senderChat() {
        return incoming instanceof Incoming.Message m ? m.senderChat() : Optional.empty();
    }

    public Language language() {
        return language;
    }

    public boolean isAdmin() {
        return admin;
    }

    public String botUsername() {
        return botUsername;
    }

    public Texts texts() {
        return texts;
    }

    /** A text in this chat's language. */
    public Html text(Msg msg) {
        return texts.html(language, msg);
    }

    public Html text(Msg msg, Map<String, ?> arguments) {
        return texts.html(language, msg, arguments);
    }

    /** A plain text (button label, answer) in this chat's language. */
    public String plain(Msg msg) {
        return texts.plain(language, msg);
    }

    public String plain(Msg msg, Map<String, ?> arguments) {
        return texts.plain(language, msg, arguments);
    }

    public void reply(Msg msg) throws InterruptedException {
        reply(text(msg), Keyboard.NONE);
    }

    public void reply(Msg msg, Map<String, ?> arguments) throws InterruptedException {
        reply(text(msg, arguments), Keyboard.NONE);
    }

    public void reply(Html text) throws InterruptedException {
        reply(text, Keyboard.NONE);
    }

    public void reply(Html text, Keyboard keyboard) throws InterruptedException {
        replies.send(new OutgoingMessage(chat().id(), text, keyboard, false));
    }

    /** Sends a message of any kind (to this chat or another, with a link preview or not). */
    public void send(OutgoingMessage message) throws InterruptedException {
        replies.send(message);
    }

    /** Replaces the text and buttons of one of the bot's messages in this chat. */
    public void edit(int messageId, Html text, Keyboard keyboard) throws InterruptedException {
        replies.edit(new MessageEdit(chat().id(), messageId, text, keyboard));
    }

    /**
     * Answers the button press being handled, with a short notice (empty for none). Only the first answer
     * counts; the router answers silently for a handler that did not.
     */
    public void answer(String notice) throws InterruptedException {
        if (incoming instanceof Incoming.Callback callback && !answered) {
            answered = true;
            replies.answer(new CallbackAnswer(callback.callbackId(), notice, false));
        }
    }

    /** Answers the button press with a dialog the person must close. */
    public void alert(String notice) throws InterruptedException {
        if (incoming instanceof Incoming.Callback callback && !answered) {
            answered = true;
            replies.answer(new CallbackAnswer(callback.callbackId(), notice, true));
        }
    }

    boolean answered() {
        return answered;
    }
}
