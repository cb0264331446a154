package dev.mojaz.ingest.dedupe;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of story grouping. {@link #standard()} holds the values tuned on half A of the labelled pairs (the
 * evaluation reports both halves).
 *
 * @param window           reports further apart than this are never one event
 * @param threshold        the score two reports published at the same moment need
 * @param thresholdPerHour what each hour between them adds to it: reports of one event come within hours of each
 *                         other, while the next day's follow-up repeats the names with a new event
 * @param containmentWeight how much {@link Comparison#containment()} counts against the cosines: a short text inside
 *                         a long one is weaker evidence than two alike texts, since a long text contains much
 * @param rareShare        a shared term found in at most this share of the reports seen (or in two) is a name
 * @param minSharedNames   names two reports must share
 */
public record GroupingSettings(
        Duration window,
        double threshold,
        double thresholdPerHour,
        double containmentWeight,
        double rareShare,
        int minSharedNames) {

    public GroupingSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || threshold <= 0 || thresholdPerHour < 0 || containmentWeight < 0
                || rareShare < 0 || rareShare > 1 || minSharedNames < 0) {
            throw new IllegalArgumentException("bad grouping settings: " + window + ", " + threshold + ", "
                    + thresholdPerHour + ", " + containmentWeight + ", " + minSharedNames);
        }
    }

    /** The tuned values. */
    public static GroupingSettings standard() {
        return new GroupingSettings(Duration.ofHours(18), 0.20, 0.02, 0.5, 0.05, 2);
    }

    /** The score two reports {@code hours} apart need. */
    public double thresholdAt(double hours) {
        return threshold + thresholdPerHour * hours;
    }
}
