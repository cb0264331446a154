package dev.mojaz.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class DurationsTest {
    @Test
    void readsANumberAndAUnit() {
        assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse(" 15 m ")).contains(Duration.ofMinutes(15));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("2m 500ms")).contains(Duration.ofMillis(120_500));
    }

    @Test
    void readsIso8601Too() {
        assertThat(Durations.parse("PT10M")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("P1DT2H")).contains(Duration.ofHours(26));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "ten minutes", "10 min", "1.5h", "1h30", "h", "-5s", "99999999999999999d", "PT"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parse(text)).as(text).isEmpty();
    }

    @Test
    void refusesNothing() {
        assertThat(Durations.parse(null)).isEqualTo(Optional.empty());
    }

    @Test
    void formatsTheExactFormThatItReadsBack() {
        for (Duration d : new Duration[] {Duration.ofHours(2), Duration.ofMinutes(90), Duration.ofMillis(500),
                Duration.ofDays(3), Duration.ofSeconds(453)}) {
            assertThat(Durations.parse(Durations.format(d))).as(Durations.format(d)).contains(d);
        }
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}
