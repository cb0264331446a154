package dev.mojaz.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to put in the outbox.
 *
 * @param text            the text, at most 4096 characters (Telegram's limit after entity parsing)
 * @param html            whether {@code text} is in Telegram's HTML parse mode (escaped by the caller)
 * @param replyMarkupJson an inline keyboard or other reply markup as Bot API JSON, or null
 * @param disablePreview  whether to turn link previews off
 * @param notBefore       not to be sent before this (quiet hours), or null for as soon as possible
 */
public record NewMessage(String text, boolean html, String replyMarkupJson, boolean disablePreview, Instant notBefore) {
    public NewMessage {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a message must not be empty");
        }
    }

    /** An HTML message without keyboard, previews off, to be sent now. */
    public static NewMessage html(String text) {
        return new NewMessage(text, true, null, true, null);
    }

    /** A plain-text message without keyboard, previews off, to be sent now. */
    public static NewMessage plain(String text) {
        return new NewMessage(text, false, null, true, null);
    }

    public NewMessage withReplyMarkup(String json) {
        return new NewMessage(text, html, json, disablePreview, notBefore);
    }

    public NewMessage withNotBefore(Instant instant) {
        return new NewMessage(text, html, replyMarkupJson, disablePreview, instant);
    }

    public NewMessage withPreview(boolean enabled) {
        return new NewMessage(text, html, replyMarkupJson, !enabled, notBefore);
    }
}
