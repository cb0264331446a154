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
class EvalStoriesCommandTest {
    @TempDir
    Path dir;

    private static Path subset() throws Exception {
        return Path.of(EvalStoriesCommandTest.class.getResource("/dev/mojaz/eval/stories-subset/pairs.tsv").toURI())
                .getParent();
    }

    @Test
    void printsThePrecisionAndRecallTableOfASet() throws Exception {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "stories", "--set", subset().toString());
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Story grouping, " + subset() + ": 25 reports, 80 pairs (23 same event, "
                + "57 different)");
        assertThat(lines.get(1)).startsWith("kind (grouped / pairs)");
        assertThat(lines).anyMatch(l -> l.startsWith("precision ")).anyMatch(l -> l.startsWith("recall "));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheInput() {
        CliRunner cli = new CliRunner(dir).with(BenchMain.COMMANDS);
        CliRunner.Result noFolder = cli.run("eval", "stories", "--set", "nowhere");
        assertThat(noFolder.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noFolder.err().strip()).isEqualTo("mojaz eval stories: nowhere: no such folder");
        CliRunner.Result noEasc = cli.run("eval", "stories", "--set", ".", "--easc", "none.jsonl");
        assertThat(noEasc.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noEasc.err().strip()).isEqualTo("mojaz eval stories: none.jsonl: no such file");
        CliRunner.Result emptyFolder = cli.run("eval", "stories", "--set", ".");
        assertThat(emptyFolder.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(emptyFolder.err()).contains("reports.txt: no such file");
    }

    @Test
    void withoutASetTheBundledOneIsUsed() {
        // src/bench/resources is on the test classpath, as it is in the bench jar.
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "stories");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("Story grouping, bundled set: ").contains(" reports, ").contains(" pairs ("));
    }
}
