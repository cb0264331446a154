package dev.mojaz.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A message in the outbox.
 *
 * @param id            its id; the order of a chat's messages
 * @param chatId        where it goes
 * @param message       what to send
 * @param state         where it is in its life
 * @param attempts      how many times it was claimed for sending
 * @param nextAttempt   not to be sent before this
 * @param lastError     the last failure, or null
 * @param sentMessageId Telegram's id of the sent message, or null
 * @param created       when it was enqueued
 */
public record OutboxMessage(
        long id,
        long chatId,
        NewMessage message,
        State state,
        int attempts,
        Instant nextAttempt,
        String lastError,
        Long sentMessageId,
        Instant created) {

    public OutboxMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(created, "created");
    }

    /**
     * The life of a message: PENDING → SENDING (claimed) → SENT; or SENDING → FAILED (to be retried at
     * {@code nextAttempt}) → SENDING ...; or → DEAD (given up: a permanent error, too many attempts, the chat
     * became inactive).
     */
    public enum State {
        PENDING, SENDING, SENT, FAILED, DEAD;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
