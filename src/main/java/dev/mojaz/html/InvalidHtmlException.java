package dev.mojaz.html;

/** Markup Telegram would refuse with "Bad Request: can't parse entities". The message says what and where. */
public final class InvalidHtmlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidHtmlException(String problem) {
        super(problem);
    }
}
