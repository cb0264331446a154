package dev.mojaz.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.BenchMain;
import dev.mojaz.cli.CliRunner;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class BenchClaimCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsTheClaimCostPerSizeOnBothDatabases() {
        // A smoke run of the benchmark's shape; the figures themselves are never asserted.
        Map<String, String> environment = TestPostgres.get()
                .map(server -> Map.of(ConfigLoader.ENV_STORE_URL, server.createDatabase())).orElse(Map.of());
        CliRunner.Result result = new CliRunner(dir, environment, Clock.systemUTC()).with(BenchMain.COMMANDS)
                .run("bench", "claim", "--sizes", "300,900", "--claims", "5", "--limit", "10");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("median of 5 claims of 10 messages each");
        assertThat(lines.subList(1, lines.size())).hasSize(environment.isEmpty() ? 2 : 4)
                .allSatisfy(line -> assertThat(line).matches("(SQLite|PostgreSQL) +[0-9,]+ pending: claim +[0-9.]+ ms"
                        + " \\(before: +[0-9.]+ ms, [0-9.]+x\\)"));
    }

    @Test
    void refusesABatchLargerThanTheBacklog() {
        assertThat(new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "claim", "--sizes", "10", "--claims", "5",
                "--limit", "10").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
