package dev.mojaz.ingest.catalog;

/** An OPML file that cannot be read; the message is one line saying why. */
public final class OpmlException extends Exception {
    private static final long serialVersionUID = 1L;

    public OpmlException(String message, Throwable cause) {
        super(message, cause);
    }

    public OpmlException(String message) {
        super(message);
    }
}
