package dev.mojaz.ingest.http;

import java.time.Duration;

/** Waits between retries. Injected so that tests record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
