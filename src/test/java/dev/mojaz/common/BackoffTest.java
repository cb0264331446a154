package dev.mojaz.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 5);

    @Test
    void doublesFromTheFirstDelayUpToTheMost() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(1_000_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterKeepsTheWaitInTheUpperHalf() {
        assertThat(backoff.jittered(4, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.jittered(4, 0.5)).isEqualTo(Duration.ofSeconds(6));
        assertThat(backoff.jittered(4, 1.5)).isEqualTo(Duration.ofSeconds(8));
    }
}
