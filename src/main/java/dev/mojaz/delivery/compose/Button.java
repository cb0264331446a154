package dev.mojaz.delivery.compose;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One inline keyboard button: either it sends {@code callbackData} back to the bot, or it opens {@code url}.
 * Telegram allows 1–64 bytes of callback data (an Arabic letter takes two), so callback data holds short ids,
 * never text.
 *
 * @param label        what the button shows (plain text)
 * @param callbackData sent back when pressed; empty for a link button
 * @param url          opened when pressed; empty for a callback button
 */
public record Button(String label, String callbackData, String url) {
    /** Telegram's limit on callback data, in UTF-8 bytes. */
    public static final int MAX_CALLBACK_BYTES = 64;

    public Button {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a button needs a label");
        }
        callbackData = callbackData == null ? "" : callbackData;
        url = url == null ? "" : url;
        if (callbackData.isEmpty() == url.isEmpty()) {
            throw new IllegalArgumentException("a button has either callback data or a url: '" + label + "'");
        }
        int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CALLBACK_BYTES) {
            throw new IllegalArgumentException("callback data is " + bytes + " bytes, Telegram allows "
                    + MAX_CALLBACK_BYTES + ": '" + callbackData + "'");
        }
    }

    public static Button callback(String label, String callbackData) {
        return new Button(label, callbackData, "");
    }

    public static Button link(String label, String url) {
        return new Button(label, "", url);
    }
}
