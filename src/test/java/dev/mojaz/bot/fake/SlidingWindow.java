package dev.mojaz.bot.fake;

import java.util.ArrayDeque;

/** At most {@code max} events in any window of {@code windowNanos}: an event at t shares no window with one at t - window. */
final class SlidingWindow {
    private final int max;
    private final long windowNanos;
    private final ArrayDeque<Long> events = new ArrayDeque<>();

    SlidingWindow(int max, long windowNanos) {
        this.max = max;
        this.windowNanos = windowNanos;
    }

    /** Nanoseconds until an event at {@code now} would be allowed; 0 if it is allowed now. */
    long nanosUntilAllowed(long now) {
        while (!events.isEmpty() && events.peekFirst() <= now - windowNanos) {
            events.removeFirst();
        }
        return events.size() < max ? 0 : events.peekFirst() + windowNanos - now;
    }

    void record(long now) {
        events.addLast(now);
        while (events.size() > max) {
            events.removeFirst();
        }
    }
}
