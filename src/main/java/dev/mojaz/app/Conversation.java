package dev.mojaz.app;

import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.telegram.UpdateOffsetStore;
import java.util.Objects;

/**
 * The conversation as the intake sees it: what handles each update, and where the last handled update id is kept.
 */
public record Conversation(IncomingHandler handler, UpdateOffsetStore offsets) {
    public Conversation {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(offsets, "offsets");
    }
}
