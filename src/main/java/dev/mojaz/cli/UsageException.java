package dev.mojaz.cli;

/**
 * The person asked for something the command cannot do as asked (a missing file, conflicting options, an
 * unreadable input). Exit code 2, one line on stderr naming what was wrong.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
