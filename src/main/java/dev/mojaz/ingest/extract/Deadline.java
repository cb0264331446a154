package dev.mojaz.ingest.extract;

import java.util.function.LongSupplier;

/**
 * The moment one extraction has used up its {@link ExtractionBudget}. Loops call {@link #check()} once per node; it
 * reads the time on the first call and then once every {@value #CHECK_EVERY} calls, so checking costs next to
 * nothing, and throws {@link DeadlineExceeded} once the time is up. Belongs to the thread that extracts: not shared.
 */
final class Deadline {
    private static final int CHECK_EVERY = 1024;

    /** A deadline that never passes, for work that is already bounded (the cheap fallback itself). */
    static final Deadline NONE = new Deadline(() -> 0, Long.MAX_VALUE);

    private final LongSupplier nanoTime;
    private final long end;
    private final LongSupplier aheadTime;
    private final long aheadEnd;
    private int calls;

    /** A deadline at {@code end} on {@code nanoTime}. */
    Deadline(LongSupplier nanoTime, long end) {
        this(nanoTime, end, null, 0);
    }

    /**
     * A deadline at {@code end} on {@code nanoTime}, which is read only once {@code aheadTime}, a cheaper time that
     * never runs slower, has reached {@code aheadEnd}: the wall clock for a thread's CPU time, which takes a system
     * call to read (about 2 µs, against 30 ns) and can never have gone further than the wall clock since the start.
     */
    Deadline(LongSupplier nanoTime, long end, LongSupplier aheadTime, long aheadEnd) {
        this.nanoTime = nanoTime;
        this.end = end;
        this.aheadTime = aheadTime;
        this.aheadEnd = aheadEnd;
    }

    /** Whether the time is up, reading the time now. */
    boolean passed() {
        if (end == Long.MAX_VALUE || (aheadTime != null && aheadTime.getAsLong() - aheadEnd < 0)) {
            return false;
        }
        return nanoTime.getAsLong() - end >= 0;
    }

    /** Throws {@link DeadlineExceeded} when the time is up; reads the time only now and then. */
    void check() {
        if ((calls++ & (CHECK_EVERY - 1)) == 0 && passed()) {
            throw new DeadlineExceeded();
        }
    }

    /** Throws {@link DeadlineExceeded} when the time is up, reading the time now (between the stages of the work). */
    void checkNow() {
        if (passed()) {
            throw new DeadlineExceeded();
        }
    }

    /** Thrown out of the extraction's loops when its time is up; the extractor then settles for a cheap result. */
    static final class DeadlineExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded() {
            super("the extraction's time budget ran out", null, false, false); // control flow: no stack trace
        }
    }
}
