package dev.mojaz.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations the way people write them, one reading for the configuration file, OPML's {@code mojaz:interval} and
 * anything else that takes a duration: whole numbers with units, {@code 250ms}, {@code 30s}, {@code 10m},
 * {@code 2h}, {@code 7d} (a space between them allowed), several together as {@link #format} writes them
 * ({@code 1h30m}), or ISO-8601 ({@code PT10M}, {@code P1DT2H}). A bare number is refused because its unit would be
 * a guess.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("\\s*(\\d{1,18})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration {@code text} writes (surrounding white space ignored), or empty for anything else. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        try {
            Optional<Duration> human = human(stripped);
            return human.isPresent() ? human : Optional.of(Duration.parse(stripped));
        } catch (ArithmeticException | DateTimeParseException e) {
            return Optional.empty(); // too long to be a Duration, or not ISO-8601 either
        }
    }

    /** Number-and-unit parts, one after another to the end of {@code text}; empty unless there is at least one. */
    private static Optional<Duration> human(String text) {
        Matcher m = PART.matcher(text);
        Duration total = null;
        int at = 0;
        while (at < text.length() && m.region(at, text.length()).lookingAt()) {
            long amount = Long.parseLong(m.group(1));
            Duration part = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            total = total == null ? part : total.plus(part);
            at = m.end();
        }
        return at == text.length() ? Optional.ofNullable(total) : Optional.empty();
    }

    /** The exact form, largest units first: {@code 2h}, {@code 1h30m}, {@code 7m33s}, {@code 500ms}, {@code 3d}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(ms < 0 ? "-" : "");
        ms = Math.abs(ms);
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms >= sizes[i]) {
                out.append(ms / sizes[i]).append(units[i]);
                ms %= sizes[i];
            }
        }
        return out.toString();
    }
}
