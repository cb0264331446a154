package dev.mojaz.common;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations the way the configuration writes them ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}). */
public final class Durations {
    private static final Pattern HUMAN = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** Reads {@code 250ms}, {@code 30s}, {@code 10m}, {@code 2h} or {@code 7d}; empty for anything else. */
    public static Optional<Duration> parse(String text) {
        Matcher m = text == null ? null : HUMAN.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
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
