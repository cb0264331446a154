package dev.mojaz.bot.telegram;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Telegram could not be reached or refused a request while the bot was starting (getMe, setWebhook, the start of
 * long polling). Our own type, so that TelegramBots' types stay inside this package; the library's exception is the
 * cause, and the message is its message.
 */
public final class TelegramException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unauthorized;

    TelegramException(TelegramApiException cause) {
        super(cause.getMessage(), cause);
        this.unauthorized = cause instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() == 401;
    }

    /** Whether Telegram refused the bot token (401 Unauthorized). */
    public boolean unauthorized() {
        return unauthorized;
    }
}
