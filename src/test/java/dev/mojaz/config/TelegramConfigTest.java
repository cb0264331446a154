package dev.mojaz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class TelegramConfigTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void defaultsFollowTelegramsLimits() {
        TelegramConfig telegram = loader.defaults().telegram();
        assertThat(telegram.limits().messagesPerSecond()).isEqualTo(30);
        assertThat(telegram.limits().chatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(telegram.limits().groupMessagesPerMinute()).isEqualTo(20);
        assertThat(telegram.retry().maxDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(telegram.defaultLanguage()).isEqualTo("ar");
        assertThat(telegram.linkPreviews()).isFalse();
        assertThat(loader.load(Path.of("config/mojaz.yaml")).telegram()).isEqualTo(telegram);
    }

    @Test
    void oneLimitCanBeRaisedAndTheOthersKeepTheirDefaults() throws IOException {
        TelegramConfig telegram = loader.load(write("telegram:\n  limits:\n    messages-per-second: 1000\n")).telegram();
        assertThat(telegram.limits().messagesPerSecond()).isEqualTo(1000);
        assertThat(telegram.limits().groupMessagesPerMinute()).isEqualTo(20);
    }

    @Test
    void badValuesAreNamedWithTheirFullKey() throws IOException {
        Path zero = write("telegram:\n  limits:\n    messages-per-second: 0\n");
        assertThatThrownBy(() -> loader.load(zero))
                .hasMessage(zero + ": telegram.limits.messages-per-second: must be between 1 and 100000 (was 0)");
        Path language = write("telegram:\n  default-language: fr\n");
        assertThatThrownBy(() -> loader.load(language))
                .hasMessage(language + ": telegram.default-language: must be ar or en (was 'fr')");
        Path retry = write("telegram:\n  retry:\n    first-delay: 10m\n    max-delay: 1m\n");
        assertThatThrownBy(() -> loader.load(retry)).hasMessageContaining("telegram.retry.max-delay: must not be shorter");
        Path poll = write("telegram:\n  poll-timeout: 5m\n");
        assertThatThrownBy(() -> loader.load(poll)).hasMessageContaining("telegram.poll-timeout: must be at most 100s");
    }

    @Test
    void workersForUpdatesAndSummariesHaveSensibleDefaultsAndBounds() throws IOException {
        TelegramConfig telegram = loader.defaults().telegram();
        assertThat(telegram.updateWorkers()).isEqualTo(4);
        assertThat(telegram.summaryWorkers()).isEqualTo(8);
        Path none = write("telegram:\n  update-workers: 0\n");
        assertThatThrownBy(() -> loader.load(none))
                .hasMessage(none + ": telegram.update-workers: must be between 1 and 64 (was 0)");
        Path many = write("telegram:\n  summary-workers: 1000\n");
        assertThatThrownBy(() -> loader.load(many))
                .hasMessage(many + ": telegram.summary-workers: must be between 0 and 64 (was 1000)");
        assertThat(loader.load(write("telegram:\n  summary-workers: 0\n")).telegram().summaryWorkers()).isZero();
    }
}
