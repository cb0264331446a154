package dev.mojaz.ingest.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How long one extraction may work before it settles for a cheap result (the text of the page's paragraphs). A page
 * can be valid HTML and still be built to be slow; the budget makes sure no page holds a core for long, whatever
 * shape it has.
 *
 * <p>The default, {@link #standard()}, counts the extracting thread's CPU time, not the wall clock: on a busy machine
 * a normal page waits for a core without using one, and must not lose its text for that. Two seconds is five times
 * the longest a normal page took (0.4 s of CPU for the benchmark's largest page, 1.5 MB, extracted first in a fresh
 * JVM before the JIT compiler had done its work, on a loaded machine; 36 ms once it had). Pages built to be slow in
 * the ways we know of take a few tens of milliseconds since the extractor became linear; the budget is for the ways
 * nobody has thought of yet, and bounds any page to two seconds of one core.
 */
public final class ExtractionBudget {
    /** Two seconds: see the class comment for why. */
    public static final Duration STANDARD_LIMIT = Duration.ofSeconds(2);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Duration limit;
    private final LongSupplier nanoTime;
    /** A cheaper time that never runs slower than {@link #nanoTime}, or null. */
    private final LongSupplier aheadTime;
    private final String measure;

    private ExtractionBudget(Duration limit, LongSupplier nanoTime, LongSupplier aheadTime, String measure) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("an extraction budget cannot be negative: " + limit);
        }
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.aheadTime = aheadTime;
        this.measure = measure;
    }

    /** {@link #STANDARD_LIMIT} of the extracting thread's CPU time. */
    public static ExtractionBudget standard() {
        return cpuTime(STANDARD_LIMIT);
    }

    /**
     * {@code limit} of the extracting thread's CPU time; the wall clock where the JVM cannot measure a thread's CPU
     * time.
     */
    public static ExtractionBudget cpuTime(Duration limit) {
        if (THREADS.isCurrentThreadCpuTimeSupported()) {
            return new ExtractionBudget(limit, THREADS::getCurrentThreadCpuTime, System::nanoTime, "CPU time");
        }
        return new ExtractionBudget(limit, System::nanoTime, null, "wall-clock time");
    }

    /** {@code limit} of time on {@code clock} (tests pass a fake clock). */
    public static ExtractionBudget onClock(Clock clock, Duration limit) {
        Objects.requireNonNull(clock, "clock");
        return new ExtractionBudget(limit, () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }, null, "clock time");
    }

    public Duration limit() {
        return limit;
    }

    /** Starts the clock for one extraction, on the thread that will do it. */
    Deadline start() {
        long end = nanoTime.getAsLong() + limit.toNanos();
        return aheadTime == null ? new Deadline(nanoTime, end)
                : new Deadline(nanoTime, end, aheadTime, aheadTime.getAsLong() + limit.toNanos());
    }

    @Override
    public String toString() {
        return limit.toMillis() + " ms of " + measure;
    }
}
