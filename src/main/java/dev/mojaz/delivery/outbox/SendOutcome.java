package dev.mojaz.delivery.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What one Bot API request came to, sorted by what the sender must do next. Every failure Telegram or the
 * network can produce maps to exactly one of these.
 */
public sealed interface SendOutcome {
    /** Whether the request did what it asked. */
    default boolean isSuccess() {
        return this instanceof Sent;
    }

    /**
     * Done. {@code messageId} is the new (or edited) message's id; 0 for requests that make no message, such as
     * answering a button press.
     */
    record Sent(long chatId, int messageId) implements SendOutcome {
    }

    /**
     * 429 Too Many Requests: send nothing more to {@code chatId} (to anyone, if {@code global}) for exactly
     * {@code delay}, then try again.
     */
    record RetryAfter(Duration delay, long chatId, boolean global) implements SendOutcome {
        public RetryAfter {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** A 5xx answer, a timeout, a broken connection or an unreadable answer: try again after a back-off. */
    record Transient(String reason) implements SendOutcome {
    }

    /**
     * The chat can no longer receive messages: stop delivering to it and mark it inactive (its settings are
     * kept, so it can come back).
     */
    record ChatUnavailable(long chatId, Reason reason, String description) implements SendOutcome {
        public ChatUnavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a chat cannot receive messages. */
    enum Reason {
        /** "Forbidden: bot was blocked by the user". */
        BLOCKED,
        /** "Forbidden: user is deactivated" (account deleted), or a group that was deactivated. */
        DEACTIVATED,
        /** "Bad Request: chat not found". */
        NOT_FOUND,
        /** "Forbidden: bot was kicked from the group chat", or no longer a member of the channel. */
        KICKED,
        /** CHAT_WRITE_FORBIDDEN, or no right to send messages in the group. */
        WRITE_FORBIDDEN,
        /** "Forbidden: bot can't initiate conversation with a user", or the chat is another bot. */
        CANNOT_INITIATE,
        /** Any other 403 Forbidden. */
        FORBIDDEN
    }

    /**
     * The group became a supergroup: the chat now lives at {@code toChatId}. Move its subscriptions there and
     * send again to the new id.
     */
    record Migrated(long fromChatId, long toChatId) implements SendOutcome {
    }

    /**
     * Telegram refused this request as such (markup it cannot parse, a message too long, a message to edit that
     * is gone): sending it again would fail again, but the chat is fine.
     */
    record Rejected(int errorCode, String description) implements SendOutcome {
    }

    /** 401: the token is wrong or was revoked. Nothing can be sent until an operator fixes it. */
    record Unauthorized(String description) implements SendOutcome {
    }
}
