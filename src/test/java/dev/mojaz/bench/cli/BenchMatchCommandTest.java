package dev.mojaz.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.BenchMain;
import dev.mojaz.cli.CliRunner;
import dev.mojaz.cli.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class BenchMatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsTimingsMemoryAndAgreementOnASmallRun() {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "match", "--queries", "300", "--rounds", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("one matching thread")
                .contains("stored queries: 300, generated from")
                .contains("for 300 queries")
                .contains("mojaz engine (anchor index):")
                .contains("naive (every query checked):")
                .contains("lucene monitor (term presearcher):")
                .contains("results: every way found the same matches for every article");
        assertThat(result.err()).contains("bench match: matching…");
    }

    @Test
    void monitorCanBeSkippedAndItsPresearcherChosen() {
        CliRunner runner = new CliRunner(dir).with(BenchMain.COMMANDS);
        CliRunner.Result skipped = runner.run("bench", "match", "--queries", "50", "--rounds", "1", "--no-monitor");
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.out()).doesNotContain("lucene monitor");

        CliRunner.Result multipass = runner.run("bench", "match", "--queries", "50", "--rounds", "1",
                "--presearcher", "multipass");
        assertThat(multipass.exitCode()).isZero();
        assertThat(multipass.out()).contains("lucene monitor (multipass presearcher):");
    }

    @Test
    void rejectsAnUnknownPresearcher() {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "match", "--presearcher", "magic");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--presearcher must be term or multipass");
    }
}
