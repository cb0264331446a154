package dev.mojaz.bot.command;

import dev.mojaz.delivery.compose.Button;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The convention for button callback data: {@code prefix:payload}, where the prefix names the handler
 * ({@code lang}, {@code unsub}, {@code set}…) and the payload is a short id, never text: Telegram allows 64 bytes.
 */
public record CallbackData(String prefix, String payload) {
    public CallbackData {
        if (prefix == null || !prefix.matches("[a-z][a-z0-9_]{0,15}")) {
            throw new IllegalArgumentException("a callback prefix is 1–16 of a-z 0-9 _ (was '" + prefix + "')");
        }
        payload = payload == null ? "" : payload;
        int bytes = encode(prefix, payload).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Button.MAX_CALLBACK_BYTES) {
            throw new IllegalArgumentException("callback data '" + prefix + ":" + payload + "' is " + bytes
                    + " bytes; Telegram allows " + Button.MAX_CALLBACK_BYTES);
        }
    }

    public static CallbackData of(String prefix, String payload) {
        return new CallbackData(prefix, payload);
    }

    /** Reads {@code prefix:payload}; empty when the data does not follow the convention. */
    public static Optional<CallbackData> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        int colon = data.indexOf(':');
        String prefix = colon < 0 ? data : data.substring(0, colon);
        String payload = colon < 0 ? "" : data.substring(colon + 1);
        try {
            return Optional.of(new CallbackData(prefix, payload));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String encoded() {
        return encode(prefix, payload);
    }

    public Button button(String label) {
        return Button.callback(label, encoded());
    }

    private static String encode(String prefix, String payload) {
        return payload.isEmpty() ? prefix : prefix + ":" + payload;
    }
}
