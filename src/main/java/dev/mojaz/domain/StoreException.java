package dev.mojaz.domain;

/**
 * A database operation failed. Unchecked: callers cannot do more than report it, and the transaction is rolled back.
 *
 * <p>{@link #isTransient()} tells a failure that will pass (the database busy beyond the busy timeout, the disk
 * full, an I/O error, a lost connection) from one that will not (a constraint violated, a statement the schema does
 * not fit): the first is worth trying again later with the same input, the second is a bug that retrying repeats.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreException(String message) {
        this(message, null, false);
    }

    /** @param transientFailure whether the same operation may succeed later (see {@link #isTransient()}) */
    public StoreException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Whether the database refused for now (busy, full, unreachable) rather than for good. */
    public boolean isTransient() {
        return transientFailure;
    }
}
