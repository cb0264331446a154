package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s configuration errors: each is exit 2 with one line naming the variable or key, before anything
 * starts (no database file, no connection). Stopping the running bot is tested as a process, in RunProcessTest.
 */
@Tag("fast")
class RunCommandTest {
    private static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ws";

    @TempDir
    Path dir;

    private CliRunner.Result run(Map<String, String> environment, String... args) {
        return new CliRunner(dir, environment, Clock.systemUTC()).run(args);
    }

    private void assertOneLineAndNothingStarted(CliRunner.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("mojaz run: ").contains(expected);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void withoutATokenAndWithoutATerminalItIsAConfigurationErrorNotTheConsole() {
        CliRunner.Result result = run(Map.of(), "run");

        assertOneLineAndNothingStarted(result, "MOJAZ_TELEGRAM_TOKEN is not set");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMalformedTokenIsNamedWithoutEchoingIt() {
        for (String malformed : new String[] {"bot" + TOKEN, "\"" + TOKEN + "\"", "123456789 AAEhBOweik6ad9r",
                "AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ws", "123456789:"}) {
            CliRunner.Result result = run(Map.of("MOJAZ_TELEGRAM_TOKEN", malformed), "run");

            assertOneLineAndNothingStarted(result, "MOJAZ_TELEGRAM_TOKEN does not look like a bot token");
            assertThat(result.err()).doesNotContain("AAEhBOweik6ad9r");
        }
    }

    @Test
    void anApiUrlFromTheEnvironmentThatIsNotHttpIsNamed() {
        for (String wrong : new String[] {"ftp://api.example.org", "127.0.0.1:8081", "http:///nohost",
                "https://api.example.org/bot"}) {
            CliRunner.Result result = run(Map.of("MOJAZ_TELEGRAM_TOKEN", TOKEN, "MOJAZ_TELEGRAM_API_URL", wrong), "run");

            assertOneLineAndNothingStarted(result, "environment MOJAZ_TELEGRAM_API_URL: must be");
        }
    }

    @Test
    void webhookModeWithoutItsSecretIsNamed() throws IOException {
        Files.writeString(dir.resolve("mojaz.yaml"),
                "telegram:\n  mode: webhook\n  webhook:\n    url: https://bot.example.org/telegram\n");

        CliRunner.Result result = run(Map.of("MOJAZ_TELEGRAM_TOKEN", TOKEN), "run", "--config", "mojaz.yaml");

        assertOneLineAndNothingStarted(result, "MOJAZ_TELEGRAM_WEBHOOK_SECRET must be set");
    }

    @Test
    void anApiUrlInTheFileThatIsNotHttpIsNamed() throws IOException {
        Files.writeString(dir.resolve("mojaz.yaml"), "telegram:\n  api-url: ftp://api.example.org\n");

        CliRunner.Result result = run(Map.of("MOJAZ_TELEGRAM_TOKEN", TOKEN), "run", "--config", "mojaz.yaml");

        assertOneLineAndNothingStarted(result, "mojaz.yaml: telegram.api-url: must be an absolute http or https URL");
    }
}
