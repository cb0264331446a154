package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Tag("fast")
class MainTest {
    @TempDir
    Path dir;

    @Test
    void helpExitsZero() {
        CliRunner.Result result = new CliRunner(dir).run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: mojaz").contains("config");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result result = new CliRunner(dir).run("--bogus");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().strip()).isEqualTo("mojaz: Unknown option: '--bogus' (see --help)");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRunner.Result result = new CliRunner(dir).run("frobnicate");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("frobnicate");
    }

    @Test
    void configCommandUsesBuiltInDefaultsWithoutAFile() {
        CliRunner.Result result = new CliRunner(dir).run("config");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("configuration is valid: 8 sources");
    }

    @Test
    void badConfigIsExitTwoWithOneLineNamingTheKey() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "store:\n  retention-days: -1\n");
        CliRunner.Result result = new CliRunner(dir).run("config", "--config", "bad.yaml");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).containsExactly(
                "mojaz config: " + file + ": store.retention-days: must be between 1 and 3650 (was -1)");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "store:\n  retention-days: -1\n");
        CliRunner.Result result = new CliRunner(dir).run("config", "--config", "bad.yaml", "--verbose");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("at dev.mojaz.config");
    }

    @Test
    void runRaisesMojazsOwnLinesToInfoButKeepsAFinerLevel() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger own = (Logger) LoggerFactory.getLogger("dev.mojaz");
        Level rootLevel = root.getLevel();
        Level configured = own.getLevel();
        try {
            root.setLevel(Level.WARN); // as logback.xml leaves it: warnings only, for every logger
            own.setLevel(null);
            Main.showOwnInfoLines();
            assertThat(own.getEffectiveLevel()).isEqualTo(Level.INFO);

            own.setLevel(Level.DEBUG); // --verbose
            Main.showOwnInfoLines();
            assertThat(own.getEffectiveLevel()).isEqualTo(Level.DEBUG);
        } finally {
            own.setLevel(configured);
            root.setLevel(rootLevel);
        }
    }
}
