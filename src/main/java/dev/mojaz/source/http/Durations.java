package dev.mojaz.source.http;

import java.time.Duration;

/** Durations the way the configuration writes them ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}), for messages. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms < 10_000 ? ms + "ms" : Math.round(ms / 1000.0) + "s";
    }
}
