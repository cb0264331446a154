package dev.mojaz.bot.telegram;

import dev.mojaz.delivery.outbox.SendOutcome.Reason;
import dev.mojaz.delivery.outbox.SendOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Sorts a failed Bot API call into the {@link SendOutcome} that says what to do next. Telegram's error codes
 * alone are not enough (a 400 may mean the chat is gone or the markup is wrong), so the description is read
 * too, for the phrases Telegram is known to use.
 */
public final class FailureClassifier {
    private FailureClassifier() {
    }

    /**
     * @param failure      what the TelegramBots client threw
     * @param chatId       the chat the request addressed, or 0
     * @param chatAddressed whether a 429 concerns that chat (sendMessage, editMessageText) rather than the bot as
     *                      a whole (answerCallbackQuery, setMyCommands)
     */
    public static SendOutcome classify(Throwable failure, long chatId, boolean chatAddressed) {
        if (failure instanceof TelegramApiValidationException invalid) {
            return new SendOutcome.Rejected(400, "refused before sending: " + invalid.getMessage());
        }
        TelegramApiRequestException request = find(failure, TelegramApiRequestException.class);
        if (request != null && request.getErrorCode() != null && request.getErrorCode() > 0) {
            // TelegramBots gives 0 when there was no Telegram answer to read (it could not parse the body)
            return classify(request.getErrorCode(), request.getApiResponse(), request.getParameters(), chatId, chatAddressed);
        }
        if (find(failure, InterruptedException.class) != null) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Transient("interrupted");
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new SendOutcome.Transient("network: " + io);
        }
        // No error code: an answer that was not Telegram's JSON (a proxy's 502 page, a truncated body).
        return new SendOutcome.Transient("unreadable answer: " + rootMessage(failure));
    }

    /** Classifies Telegram's {@code error_code}, {@code description} and {@code parameters}. */
    public static SendOutcome classify(int errorCode, String description, ResponseParameters parameters,
                                       long chatId, boolean chatAddressed) {
        String text = description == null ? "" : description;
        String lower = text.toLowerCase(Locale.ROOT);
        if (parameters != null && parameters.getMigrateToChatId() != null) {
            return new SendOutcome.Migrated(chatId, parameters.getMigrateToChatId());
        }
        if (errorCode == 429 || parameters != null && parameters.getRetryAfter() != null) {
            int seconds = parameters != null && parameters.getRetryAfter() != null
                    ? parameters.getRetryAfter() : retryAfterFromText(lower);
            return new SendOutcome.RetryAfter(Duration.ofSeconds(Math.max(1, seconds)), chatId, !chatAddressed);
        }
        if (errorCode == 401) {
            return new SendOutcome.Unauthorized(text);
        }
        if (errorCode >= 500) {
            return new SendOutcome.Transient(errorCode + " " + text);
        }
        Reason reason = chatReason(errorCode, lower);
        if (reason != null) {
            return new SendOutcome.ChatUnavailable(chatId, reason, text);
        }
        return new SendOutcome.Rejected(errorCode, text);
    }

    private static Reason chatReason(int errorCode, String lower) {
        if (lower.contains("blocked by the user")) {
            return Reason.BLOCKED;
        }
        if (lower.contains("user is deactivated") || lower.contains("chat was deactivated")
                || lower.contains("group chat was deleted")) {
            return Reason.DEACTIVATED;
        }
        if (lower.contains("chat not found") || lower.contains("peer_id_invalid") || lower.contains("user not found")) {
            return Reason.NOT_FOUND;
        }
        if (lower.contains("kicked") || lower.contains("not a member") || lower.contains("bot was removed")) {
            return Reason.KICKED;
        }
        if (lower.contains("chat_write_forbidden") || lower.contains("not enough rights to send")
                || lower.contains("have no rights to send")) {
            return Reason.WRITE_FORBIDDEN;
        }
        if (lower.contains("can't initiate conversation") || lower.contains("can't send messages to bots")) {
            return Reason.CANNOT_INITIATE;
        }
        if (errorCode == 403) {
            return Reason.FORBIDDEN;
        }
        return null;
    }

    /** "Too Many Requests: retry after 35", for answers without parameters. */
    private static int retryAfterFromText(String lower) {
        int at = lower.indexOf("retry after ");
        if (at >= 0) {
            String digits = lower.substring(at + 12).replaceAll("^(\\d+).*$", "$1");
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
