package dev.mojaz.store;

/**
 * The SQLite file is already used by another bot process (or another bot in this one). A configuration problem, not
 * a failure: the command line turns it into exit code 2 and this one-line message.
 */
public final class StoreInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreInUseException(String message) {
        super(message);
    }
}
