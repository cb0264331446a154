package dev.mojaz.config;

/**
 * A configuration problem that a person must fix: the message names the file and the key at fault, in one line,
 * and the command line turns it into exit code 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
