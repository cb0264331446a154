package dev.mojaz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery side's settings: telegram.mode and webhook, sender threads, digest.*, health.*. */
@Tag("fast")
class DeliveryConfigTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void defaultsAreLongPollingQuietDigestsAndNoHealthPort() {
        MojazConfig config = loader.defaults();
        assertThat(config.telegram().usesWebhook()).isFalse();
        assertThat(config.telegram().senderThreads()).isEqualTo(8);
        assertThat(config.digest().sendEmpty()).isFalse();
        assertThat(config.digest().maxItems()).isEqualTo(30);
        assertThat(config.digest().lookback()).isEqualTo(Duration.ofDays(2));
        assertThat(config.digest().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.health().port()).isZero();
        assertThat(config.health().maxSendDelay()).isEqualTo(Duration.ofMinutes(15));
        MojazConfig shipped = loader.load(Path.of("config/mojaz.yaml"));
        assertThat(shipped.digest()).isEqualTo(config.digest());
        assertThat(shipped.health()).isEqualTo(config.health());
    }

    @Test
    void webhookModeNeedsItsUrlAndServesItsPath() throws IOException {
        Path missing = write("telegram:\n  mode: webhook\n");
        assertThatThrownBy(() -> loader.load(missing))
                .hasMessage(missing + ": telegram.webhook.url: is required when mode is webhook");
        TelegramConfig telegram = loader.load(write("telegram:\n  mode: webhook\n  webhook:\n"
                + "    url: https://bot.example.org/tg/hook\n    port: 9000\n")).telegram();
        assertThat(telegram.usesWebhook()).isTrue();
        assertThat(telegram.webhook().url()).isEqualTo(URI.create("https://bot.example.org/tg/hook"));
        assertThat(telegram.webhook().path()).isEqualTo("/tg/hook");
        assertThat(telegram.webhook().port()).isEqualTo(9000);
    }

    @Test
    void badValuesNameTheirKey() throws IOException {
        Path mode = write("telegram:\n  mode: push\n");
        assertThatThrownBy(() -> loader.load(mode)).hasMessage(mode + ": telegram.mode: must be long-polling or webhook (was 'push')");
        Path port = write("health:\n  port: 70000\n");
        assertThatThrownBy(() -> loader.load(port)).hasMessage(port + ": health.port: must be between 0 and 65535 (was 70000)");
        Path items = write("digest:\n  max-items: 0\n");
        assertThatThrownBy(() -> loader.load(items)).hasMessage(items + ": digest.max-items: must be between 1 and 500 (was 0)");
        Path threads = write("telegram:\n  sender-threads: 0\n");
        assertThatThrownBy(() -> loader.load(threads)).hasMessageContaining("telegram.sender-threads: must be between 1 and 256");
        Path unknown = write("digest:\n  colour: blue\n");
        assertThatThrownBy(() -> loader.load(unknown)).hasMessageContaining("digest.colour: unknown key");
    }
}
