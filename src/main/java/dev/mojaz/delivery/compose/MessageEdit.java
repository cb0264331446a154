package dev.mojaz.delivery.compose;

import dev.mojaz.html.Html;
import java.util.Objects;

/** New text (and buttons) for a message the bot sent earlier, as when a settings keyboard changes. */
public record MessageEdit(long chatId, int messageId, Html text, Keyboard keyboard) {
    public MessageEdit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
    }
}
