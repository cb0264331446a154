package dev.mojaz.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that no latch can report (a state another component exposes), checking it often, for a
 * generous time: a loaded machine is slow, never wrong. Never a wait for a duration in place of a condition.
 */
public final class Await {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test naming {@code what} if it never does. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + GENEROUS.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
