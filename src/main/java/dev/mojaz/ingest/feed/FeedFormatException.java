package dev.mojaz.ingest.feed;

/** A response that is not a feed (or listing page) we can read. The message is one line saying why. */
public final class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
