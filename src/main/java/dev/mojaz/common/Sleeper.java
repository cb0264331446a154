package dev.mojaz.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Waits until an instant. Tests give one that moves a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleepUntil(Instant deadline) throws InterruptedException;

    /** Really waits, reading the time from {@code clock}. */
    static Sleeper system(Clock clock) {
        return deadline -> {
            long nanos;
            while ((nanos = Duration.between(clock.instant(), deadline).toNanos()) > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }
}
