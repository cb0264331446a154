package dev.mojaz.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RequestThrottleTest {
    private final FakeClock clock = FakeClock.at("2026-11-23T08:00:00Z");
    private final RequestThrottle throttle = new RequestThrottle(3, Duration.ofHours(1), clock);

    @Test
    void aPersonGetsTheLimitPerWindowAndLearnsWhenToComeBack() {
        assertThat(throttle.tryAcquire(1)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.tryAcquire(1)).isEmpty();
        assertThat(throttle.tryAcquire(1)).isEmpty();
        assertThat(throttle.tryAcquire(1)).contains(Duration.ofMinutes(50));
        assertThat(throttle.tryAcquire(2)).as("others are not affected").isEmpty();

        clock.advance(Duration.ofMinutes(50));
        assertThat(throttle.tryAcquire(1)).as("the first request left the window").isEmpty();
        assertThat(throttle.tryAcquire(1)).contains(Duration.ofMinutes(10));
    }
}
