package dev.mojaz.config;

/**
 * Thrown from a configuration record's constructor when one of its values is invalid. It carries the key relative
 * to the record ({@code "sentences"}); {@link ConfigLoader} prefixes the path of the record in the file
 * ({@code "summary.sentences"}) and the file name.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidValueException(String key, String problem) {
        super(problem);
        this.key = key;
    }

    /** The key relative to the record that rejected it. */
    public String key() {
        return key;
    }
}
