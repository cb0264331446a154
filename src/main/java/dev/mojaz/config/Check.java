package dev.mojaz.config;

import java.time.Duration;
import java.util.Collection;

/**
 * Preconditions for configuration records, used from their compact constructors so that an invalid value is
 * rejected where it is defined, with the key that names it.
 */
public final class Check {
    private Check() {
    }

    public static <T> T required(String key, T value) {
        if (value == null) {
            throw new InvalidValueException(key, "is required");
        }
        return value;
    }

    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(key, "is required and must not be empty");
        }
        return value;
    }

    public static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(key, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidValueException(key, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public static Duration positive(String key, Duration value) {
        required(key, value);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidValueException(key, "must be a positive duration such as 30s, 10m or 2h (was " + value + ")");
        }
        return value;
    }

    public static <C extends Collection<?>> C noNulls(String key, C values) {
        required(key, values);
        if (values.stream().anyMatch(v -> v == null)) {
            throw new InvalidValueException(key, "must not contain empty entries");
        }
        return values;
    }
}
