package dev.mojaz.store;

/** A database operation failed. Unchecked: callers cannot do more than report it, and the transaction is rolled back. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
