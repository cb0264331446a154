package dev.mojaz.domain;

/**
 * Hours of the day, in the chat's time zone, during which alerts are held: from {@code start} (inclusive) to
 * {@code end} (exclusive), possibly across midnight (23 to 7).
 */
public record QuietHours(int start, int end) {
    public QuietHours {
        if (start < 0 || start > 23 || end < 0 || end > 23) {
            throw new IllegalArgumentException("quiet hours must be between 0 and 23 (was " + start + "-" + end + ")");
        }
        if (start == end) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same hour");
        }
    }

    /** Whether {@code hour} (0-23) is quiet. */
    public boolean contains(int hour) {
        return start < end ? hour >= start && hour < end : hour >= start || hour < end;
    }
}
