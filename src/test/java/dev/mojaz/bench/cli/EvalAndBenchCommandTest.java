package dev.mojaz.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.bench.BenchMain;
import dev.mojaz.cli.CliRunner;
import dev.mojaz.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class EvalAndBenchCommandTest {
    @TempDir
    Path dir;

    /** Two articles whose five references are all their first sentence: Lead is perfect on them. */
    private Path leadIsPerfect() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String first1 = "أكدت الحكومة اليوم أنها ستدعم المزارعين في المحافظات الشمالية بقروض ميسرة.";
        String first2 = "افتتح رئيس الوزراء مستشفى جديدا للأطفال في مدينة حلب صباح اليوم.";
        String article1 = first1 + " وقال الوزير إن الخطة تبدأ الشهر المقبل. وأضاف أن التمويل متوفر بالكامل.";
        String article2 = first2 + "\nوتبلغ سعة المستشفى مئتي سرير مجهزة بأحدث الأجهزة.\nويعمل فيه ثلاثمئة طبيب.";
        StringBuilder lines = new StringBuilder();
        for (String[] a : new String[][] {{"Topic1", article1, first1}, {"Topic2", article2, first2}}) {
            lines.append(json.writeValueAsString(Map.of("topic", a[0], "source", "Alwatan Newspaper", "url", "",
                    "article", a[1], "refs", Map.of("A", a[2], "B", a[2], "C", a[2], "D", a[2], "E", a[2]))))
                    .append('\n');
        }
        Path file = dir.resolve("tiny.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    @Test
    void evalRougePrintsLeadAndMojazSideBySide() throws IOException {
        leadIsPerfect();
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "rouge", "--dataset", "tiny.jsonl");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("EASC protocol, tiny.jsonl: 2 articles (all)");
        assertThat(lines.get(1)).startsWith("system").contains("ROUGE-1", "ROUGE-2", "ROUGE-L", "length/budget");
        assertThat(lines.get(2)).matches("Lead \\(protocol sentences\\) +100\\.0 +100\\.0 +100\\.0 +1\\.00");
        assertThat(lines.get(3)).startsWith("Lead (Mojaz sentences)").contains("100.0");
        assertThat(lines).anyMatch(l -> l.startsWith("TextRank, TF-IDF cosine"));
        assertThat(lines).anyMatch(l -> l.matches("Mojaz +100\\.0 +100\\.0 +100\\.0 +1\\.00"));
        assertThat(lines).contains("Diagnostic, not the protocol: the same picks cut at exactly the budget "
                + "(equal length)");
    }

    @Test
    void evalRougeScoresOneHalfForCrossValidation() throws IOException {
        leadIsPerfect();
        CliRunner.Result odd = new CliRunner(dir).with(BenchMain.COMMANDS).run("eval", "rouge", "--dataset", "tiny.jsonl", "--articles", "odd");
        assertThat(odd.out().lines().findFirst().orElseThrow()).endsWith("1 articles (odd)");
    }

    @Test
    void evalRougeReportsBadDatasetsAsUsageErrors() throws IOException {
        CliRunner cli = new CliRunner(dir).with(BenchMain.COMMANDS);
        CliRunner.Result missing = cli.run("eval", "rouge", "--dataset", "none.jsonl");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err().strip()).isEqualTo("mojaz eval rouge: none.jsonl: no such file");
        Files.writeString(dir.resolve("bad.jsonl"), "{\"topic\": 1}\n");
        CliRunner.Result bad = cli.run("eval", "rouge", "--dataset", "bad.jsonl");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("bad.jsonl:1: not an EASC record");
        assertThat(cli.run("eval", "rouge").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void benchSummarizeReportsRatesRatiosAndHeap() {
        // A smoke run of the benchmark's shape; the figures themselves are never asserted.
        CliRunner.Result result = new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "summarize", "--seconds", "0.02", "--warmup", "0",
                "--summaries", "20");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("bench summarize: one thread");
        assertThat(lines.get(1)).contains("Mojaz/s", "TextRank/s", "ratio");
        assertThat(lines.subList(2, 8)).allMatch(l -> l.matches(".* \\d+ +\\d+ +\\d+ +\\d+\\.\\d\\dx"));
        assertThat(lines.get(7)).startsWith("~700 words");
        assertThat(lines.get(8)).startsWith("memory, 20 summaries of distinct texts, no cache: heap after GC (MB) 0:");
        assertThat(lines.get(9)).contains("cache of 10:");
        assertThat(lines.get(10)).isEqualTo("cache entries at the end: 10");
    }

    @Test
    void benchRefusesNonsense() {
        assertThat(new CliRunner(dir).with(BenchMain.COMMANDS).run("bench", "summarize", "--seconds", "0").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }
}
