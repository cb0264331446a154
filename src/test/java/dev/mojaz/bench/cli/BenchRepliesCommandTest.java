package dev.mojaz.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.BenchMain;
import dev.mojaz.cli.CliRunner;
import dev.mojaz.cli.ExitCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class BenchRepliesCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsTheBystandersLatencyBeforeAndAfter() {
        // A smoke run of the benchmark's shape; the figures themselves are never asserted.
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "replies", "--people", "3", "--bystanders", "1",
                "--seconds", "1", "--total-timeout", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("3 people send slow links").endsWith("fetch.total-timeout 1.0 s");
        assertThat(lines.get(1)).startsWith("before (1 update worker, summaries inline)").contains("p50", "p95", "max");
        assertThat(lines.get(2)).startsWith("after (4 update workers, 8 summary workers)").contains("p50", "p95");
        assertThat(lines.get(3)).startsWith("bystander p95 before / after: ");
    }

    @Test
    void refusesNonsense() {
        assertThat(new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "replies", "--people", "-1").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
