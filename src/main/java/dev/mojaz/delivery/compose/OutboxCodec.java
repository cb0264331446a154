package dev.mojaz.delivery.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.html.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the conversation's {@link OutgoingMessage} and the outbox's {@link NewMessage} row. Keyboards are
 * stored as the Bot API's own {@code reply_markup} JSON ({@code {"inline_keyboard":[[{"text":…,"callback_data":…}]]}}),
 * so a row reads like the request it becomes.
 */
public final class OutboxCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxCodec() {
    }

    /** The row for {@code message}: HTML text, its keyboard as JSON (null without one), previews as chosen. */
    public static NewMessage toRow(OutgoingMessage message) {
        return new NewMessage(message.text().markup(), true, keyboardJson(message.keyboard()), !message.linkPreview(),
                null);
    }

    /**
     * The message a row stands for, addressed to {@code chatId}. A plain-text row is escaped into HTML, so every
     * message goes out in one parse mode.
     *
     * @throws IllegalArgumentException when the row cannot be a message (blank text, unreadable keyboard)
     */
    public static OutgoingMessage toMessage(long chatId, NewMessage row) {
        Html text = row.html() ? new Html(row.text()) : Html.text(row.text());
        return new OutgoingMessage(chatId, text, keyboard(row.replyMarkupJson()), !row.disablePreview());
    }

    /** The keyboard as Bot API JSON, or null when it has no buttons. */
    public static String keyboardJson(Keyboard keyboard) {
        if (keyboard.isEmpty()) {
            return null;
        }
        ObjectNode markup = JSON.createObjectNode();
        ArrayNode rows = markup.putArray("inline_keyboard");
        for (List<Button> row : keyboard.rows()) {
            ArrayNode buttons = rows.addArray();
            for (Button button : row) {
                ObjectNode node = buttons.addObject().put("text", button.label());
                if (button.url().isEmpty()) {
                    node.put("callback_data", button.callbackData());
                } else {
                    node.put("url", button.url());
                }
            }
        }
        return markup.toString();
    }

    /** The keyboard in Bot API JSON; {@link Keyboard#NONE} for null or blank. */
    public static Keyboard keyboard(String json) {
        if (json == null || json.isBlank()) {
            return Keyboard.NONE;
        }
        JsonNode markup;
        try {
            markup = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reply markup is not JSON: " + e.getOriginalMessage(), e);
        }
        List<List<Button>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                String label = button.path("text").asText("");
                buttons.add(button.hasNonNull("url") ? Button.link(label, button.get("url").asText())
                        : Button.callback(label, button.path("callback_data").asText("")));
            }
            rows.add(buttons);
        }
        return Keyboard.of(rows);
    }
}
