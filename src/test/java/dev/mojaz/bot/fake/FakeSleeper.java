package dev.mojaz.bot.fake;

import dev.mojaz.common.Sleeper;
import dev.mojaz.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that moves a {@link FakeClock} instead of waiting, and remembers every wait. */
public final class FakeSleeper implements Sleeper {
    private final FakeClock clock;
    private final List<Duration> waits = new ArrayList<>();

    public FakeSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleepUntil(Instant deadline) {
        Duration wait = Duration.between(clock.instant(), deadline);
        if (!wait.isNegative() && !wait.isZero()) {
            waits.add(wait);
            clock.advanceTo(deadline);
        }
    }

    /** Every non-zero wait, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** The sum of all waits. */
    public synchronized Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
