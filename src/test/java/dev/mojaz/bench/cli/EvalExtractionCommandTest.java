package dev.mojaz.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mojaz.bench.BenchMain;
import dev.mojaz.cli.CliRunner;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.ExtractCommandTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small dataset in the benchmark's layout, made from the Arabic fixture pages, scored by both commands. */
@Tag("slow")
class EvalExtractionCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void dataset() throws IOException {
        Path html = Files.createDirectories(dir.resolve("set/html"));
        ObjectNode truth = new ObjectMapper().createObjectNode();
        List<String> pages = List.of("sana-utf8.html", "modern-jsonld.html", "legacy-windows-1256.html");
        for (int i = 0; i < pages.size(); i++) {
            String id = "page" + i;
            Files.write(html.resolve(id + ".html.gz"), ExtractCommandTest.gzip(ExtractCommandTest.fixture(pages.get(i))));
            truth.putObject(id).put("articleBody", ExtractCommandTest.expectedText(pages.get(i)))
                    .put("url", "https://news.example/" + i).put("half", i == 1 ? "B" : "A");
        }
        Files.writeString(dir.resolve("set/ground-truth.json"), truth.toPrettyString(), StandardCharsets.UTF_8);
    }

    @Test
    void scoresMojazAndTheJsoupBaselineInOneRun() throws IOException {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--pages",
                "pages.tsv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).contains("precision", "recall", "F1");
        assertThat(lines.get(1)).startsWith("Mojaz").endsWith("1.000   1.000  1.000");
        assertThat(lines).anyMatch(l -> l.startsWith("Jsoup paragraphs (baseline)"));
        assertThat(Files.readAllLines(dir.resolve("pages.tsv"))).hasSize(1 + 3 * (lines.size() - 1));
    }

    @Test
    void halvesSplitThePages() {
        CliRunner.Result first = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--half", "1");
        CliRunner.Result second = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--half", "2");

        assertThat(first.out().lines().skip(1).findFirst().orElseThrow()).matches("Mojaz\\s+2\\s.*");
        assertThat(second.out().lines().skip(1).findFirst().orElseThrow()).matches("Mojaz\\s+1\\s.*");
        assertThat(new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--half", "3").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void halvesNamedInTheGroundTruthSplitThePagesTheirWay() throws IOException {
        CliRunner.Result a = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--half", "A");
        CliRunner.Result b = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--half", "B");
        String unsplit = Files.readString(dir.resolve("set/ground-truth.json")).replaceAll(",\\s*\"half\"[^,}]*", "");
        Files.writeString(dir.resolve("set/ground-truth.json"), unsplit);
        CliRunner.Result none = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "set", "--half", "A");

        assertThat(a.out().lines().skip(1).findFirst().orElseThrow()).matches("Mojaz\\s+2\\s.*");
        assertThat(b.out().lines().skip(1).findFirst().orElseThrow()).matches("Mojaz\\s+1\\s.*");
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("names the half A");
    }

    @Test
    void missingDatasetIsAUsageError() {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "extraction", "--dataset", "nowhere");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("dataset folder not found");
    }

    @Test
    void benchReportsPagesPerSecondAndRatios() {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "extract", "--dataset", "set", "--rounds", "1",
                "--warmup", "0", "--hostile-rounds", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("3 pages").contains("pages/s").contains("pages per CPU-second")
                .doesNotContain("hostile");
        assertThat(result.out().lines().filter(l -> l.startsWith("Jsoup paragraphs")).findFirst().orElseThrow())
                .matches(".*\\d+\\.\\d+\\s+\\d+\\.\\d\\d");
    }

    @Test
    void benchReportsTheHostilePagesTimes() {
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "extract", "--dataset", "set", "--rounds", "1",
                "--warmup", "0", "--hostile-rounds", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        for (String page : List.of("60k nested divs", "50k unclosed div+span", "20k nested tables",
                "20k nested figures", "300k-item list")) {
            assertThat(lines).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(page)
                    + "\\s+\\d+\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\d"));
        }
        assertThat(new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "extract", "--dataset", "set", "--hostile-rounds", "-1")
                .exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
