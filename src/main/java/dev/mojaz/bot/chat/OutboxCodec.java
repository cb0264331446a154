package dev.mojaz.bot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mojaz.bot.format.Html;
import dev.mojaz.store.NewMessage;
import dev.mojaz.store.OutboxMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * How an {@link OutgoingMessage} is kept in the outbox and read back for sending: the text as Telegram HTML, the
 * keyboard as the Bot API's own {@code reply_markup} JSON ({@code {"inline_keyboard":[[{"text":…,
 * "callback_data":…}]]}}), link previews as a flag. Whoever enqueues (the conversation, the digests) encodes with
 * {@link #encode}; the outbox sender decodes with {@link #decode}. Stateless and thread-safe.
 */
public final class OutboxCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxCodec() {
    }

    /** The message as an outbox row (to be sent as soon as possible). */
    public static NewMessage encode(OutgoingMessage message) {
        return new NewMessage(message.text().markup(), true, keyboardJson(message.keyboard()), !message.linkPreview(),
                null);
    }

    /**
     * The stored message as it is to be sent. A plain-text row (not HTML) is escaped, so what was stored is what
     * the reader sees.
     *
     * @throws IllegalArgumentException if the stored keyboard is not valid {@code inline_keyboard} JSON
     */
    public static OutgoingMessage decode(OutboxMessage stored) {
        NewMessage m = stored.message();
        Html text = m.html() ? new Html(m.text()) : Html.text(m.text());
        return new OutgoingMessage(stored.chatId(), text, keyboard(m.replyMarkupJson()), !m.disablePreview());
    }

    /** The keyboard as {@code reply_markup} JSON, or null for none. */
    public static String keyboardJson(Keyboard keyboard) {
        if (keyboard.isEmpty()) {
            return null;
        }
        ObjectNode markup = JSON.createObjectNode();
        ArrayNode rows = markup.putArray("inline_keyboard");
        for (List<Button> row : keyboard.rows()) {
            ArrayNode buttons = rows.addArray();
            for (Button button : row) {
                ObjectNode b = buttons.addObject().put("text", button.label());
                if (button.url().isEmpty()) {
                    b.put("callback_data", button.callbackData());
                } else {
                    b.put("url", button.url());
                }
            }
        }
        return markup.toString();
    }

    /** The keyboard in {@code reply_markup} JSON; {@link Keyboard#NONE} for null or blank. */
    public static Keyboard keyboard(String json) {
        if (json == null || json.isBlank()) {
            return Keyboard.NONE;
        }
        JsonNode markup;
        try {
            markup = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored reply markup is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode rows = markup.path("inline_keyboard");
        if (!rows.isArray()) {
            throw new IllegalArgumentException("stored reply markup has no inline_keyboard");
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (JsonNode row : rows) {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode b : row) {
                String label = b.path("text").asText("");
                buttons.add(b.has("url") ? Button.link(label, b.get("url").asText())
                        : Button.callback(label, b.path("callback_data").asText("")));
            }
            keyboard.add(buttons);
        }
        return Keyboard.of(keyboard);
    }
}
