package dev.mojaz.delivery.compose;

import dev.mojaz.html.Html;
import java.util.Objects;

/**
 * A message for one chat, in Telegram HTML.
 *
 * @param chatId      the chat
 * @param text        at most 4096 characters as Telegram counts them (see
 *                    {@link dev.mojaz.delivery.compose.MessageSplitter})
 * @param keyboard    inline buttons under it, or {@link Keyboard#NONE}
 * @param linkPreview whether Telegram shows a preview of the first link
 */
public record OutgoingMessage(long chatId, Html text, Keyboard keyboard, boolean linkPreview) {
    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
        if (text.visibleText().isBlank()) {
            throw new IllegalArgumentException("a message needs some text (chat " + chatId + ")");
        }
    }

    public static OutgoingMessage of(long chatId, Html text) {
        return new OutgoingMessage(chatId, text, Keyboard.NONE, false);
    }

    public OutgoingMessage withKeyboard(Keyboard buttons) {
        return new OutgoingMessage(chatId, text, buttons, linkPreview);
    }

    public OutgoingMessage withLinkPreview(boolean preview) {
        return new OutgoingMessage(chatId, text, keyboard, preview);
    }

    /** The same message addressed to another chat, as when a group became a supergroup. */
    public OutgoingMessage to(long otherChatId) {
        return new OutgoingMessage(otherChatId, text, keyboard, linkPreview);
    }
}
