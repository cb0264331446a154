package dev.mojaz.ingest.http;

import dev.mojaz.common.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits it is asked for, measured from the test's clock, and returns at once. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Clock clock;

    RecordingSleeper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void sleepUntil(Instant deadline) {
        waits.add(Duration.between(clock.instant(), deadline));
    }
}
