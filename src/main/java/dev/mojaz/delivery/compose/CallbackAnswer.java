package dev.mojaz.delivery.compose;

import java.util.Objects;

/**
 * The answer to a button press: a short notice at the top of the chat ({@code alert} false), a dialog the person
 * must close ({@code alert} true), or nothing at all (empty text), which only stops the spinner.
 *
 * @param text plain text, at most 200 characters
 */
public record CallbackAnswer(String callbackId, String text, boolean alert) {
    public static final int MAX_TEXT = 200;

    public CallbackAnswer {
        Objects.requireNonNull(callbackId, "callbackId");
        text = text == null ? "" : text;
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a callback answer is at most " + MAX_TEXT + " characters");
        }
    }

    public static CallbackAnswer silent(String callbackId) {
        return new CallbackAnswer(callbackId, "", false);
    }
}
