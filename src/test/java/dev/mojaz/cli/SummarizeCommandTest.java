package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("fast")
class SummarizeCommandTest {
    private static final String SEED = "000_6b2c92f6e4f8b8b5.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private CliRunner cli;
    private String seedText;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir);
        try (InputStream in = getClass().getResourceAsStream("/dev/mojaz/samples/" + SEED)) {
            seedText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("seed.txt"), seedText);
    }

    @Test
    void summarisesTheSeedInTwoToFourCompleteSentencesWithoutPromotionOrDateline() {
        CliRunner.Result result = cli.run("summarize", "seed.txt");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSizeBetween(2, 4);
        for (String line : lines) {
            assertThat(seedText).contains(line);
            assertThat(line).endsWith(".").doesNotContain("سانا").doesNotContain("تابعوا");
        }
    }

    @Test
    void readsStandardInputWithADashOrNoArgument() {
        CliRunner.Result dash = cli.runWithInput(seedText, "summarize", "-");
        CliRunner.Result none = cli.runWithInput(seedText, "summarize");
        assertThat(dash.exitCode()).isZero();
        assertThat(dash.out()).isEqualTo(cli.run("summarize", "seed.txt").out()).isEqualTo(none.out());
    }

    @Test
    void lengthOptions() {
        assertThat(cli.run("summarize", "--sentences", "5", "seed.txt").out().lines()).hasSize(5);
        assertThat(cli.run("summarize", "--sentences", "1", "seed.txt").out().lines()).hasSize(1);
        List<String> words = cli.run("summarize", "--words", "120", "seed.txt").out().lines().toList();
        int count = words.stream().mapToInt(l -> l.split("\\s+").length).sum();
        assertThat(count).isGreaterThanOrEqualTo(100);
    }

    @Test
    void jsonFormat() throws IOException {
        CliRunner.Result result = cli.run("summarize", "--format", "json", "--sentences", "2", "seed.txt");
        assertThat(result.exitCode()).isZero();
        JsonNode node = JSON.readTree(result.out());
        assertThat(node.get("sentences")).hasSize(2);
        assertThat(result.out().lines()).hasSize(1);
        assertThat(seedText).contains(node.get("sentences").get(0).asText());
    }

    @Test
    void titleOptionIsAccepted() {
        assertThat(cli.run("summarize", "--title", "لافروف: يجب توحيد المعارضة السورية في جنيف", "seed.txt")
                .exitCode()).isZero();
    }

    // ---- exit codes -------------------------------------------------------------------------------------------------

    @Test
    void missingFileIsAUsageError() {
        CliRunner.Result result = cli.run("summarize", "nope.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().strip()).isEqualTo("mojaz summarize: nope.txt: no such file");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aDirectoryIsAUsageError() throws IOException {
        Files.createDirectory(dir.resolve("folder"));
        assertThat(cli.run("summarize", "folder").err()).contains("folder: is a directory");
    }

    @Test
    void conflictingOrBadLengthsAreUsageErrors() {
        CliRunner.Result both = cli.run("summarize", "--words", "50", "--sentences", "2", "seed.txt");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err().strip()).isEqualTo("mojaz summarize: give --words or --sentences, not both");
        assertThat(cli.run("summarize", "--words", "0", "seed.txt").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("summarize", "--sentences", "-3", "seed.txt").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("summarize", "--words", "many", "seed.txt").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("summarize", "--format", "xml", "seed.txt").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void emptyInputIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("empty.txt"), "\n  \n");
        CliRunner.Result result = cli.run("summarize", "empty.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().strip()).isEqualTo("mojaz summarize: empty.txt: the text is empty");
        assertThat(cli.runWithInput("", "summarize").err()).contains("standard input: the text is empty");
    }

    @Test
    void onlyBoilerplateIsAUsageErrorNamingWhy() throws IOException {
        Files.writeString(dir.resolve("promo.txt"), "تابعونا على تيلغرام\nاترك تعليقاً\nزر الذهاب إلى الأعلى\n");
        CliRunner.Result result = cli.run("summarize", "promo.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("promo.txt: no sentence to summarise");
    }

    @Test
    void oneSentenceAndNoArabicWork() throws IOException {
        String one = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.";
        Files.writeString(dir.resolve("one.txt"), one);
        assertThat(cli.run("summarize", "one.txt").out().strip()).isEqualTo(one);
        Files.writeString(dir.resolve("en.txt"), "The ministry announced a new plan for farmers today. "
                + "Officials said it would cost two billion dollars over five years.");
        CliRunner.Result english = cli.run("summarize", "en.txt");
        assertThat(english.exitCode()).isZero();
        assertThat(english.out()).startsWith("The ministry announced a new plan for farmers today.");
    }

    @Test
    void invalidUtf8IsReplacedAndReported() throws IOException {
        byte[] good = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.".getBytes(
                StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        bytes[2] = ' ';
        System.arraycopy(good, 0, bytes, 3, good.length);
        Files.write(dir.resolve("bad.txt"), bytes);
        CliRunner.Result result = cli.run("summarize", "bad.txt");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err().strip()).isEqualTo("mojaz summarize: warning: bad.txt: not valid UTF-8 "
                + "(first bad byte at offset 0); undecodable bytes replaced");
        assertThat(result.out()).contains("أعلنت الحكومة");
        // Windows-1256 Arabic is not UTF-8 at all: nothing readable is left, and it says so.
        Files.write(dir.resolve("cp1256.txt"), new byte[] {(byte) 0xC3, (byte) 0xDA, (byte) 0xE1, (byte) 0xE4,
                (byte) 0xCA, ' ', (byte) 0xC7, (byte) 0xE1, '.'});
        CliRunner.Result legacy = cli.run("summarize", "cp1256.txt");
        assertThat(legacy.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(legacy.err()).contains("not valid UTF-8").contains("no sentence to summarise");
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void fiveMegabytesOfTextAreSummarised() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 5_000_000; i++) {
            text.append("وقال المسؤول إن مشروع k").append(i).append("a يشمل k").append(i).append("b في المدينة.\n");
        }
        Files.writeString(dir.resolve("big.txt"), text);
        CliRunner.Result result = cli.run("summarize", "--sentences", "2", "big.txt");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(2);
    }

    @Test
    void aUrlIntoAPrivateNetworkIsRefused() {
        CliRunner.Result result = cli.run("summarize", "http://192.168.1.10/news/1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("mojaz summarize: http://192.168.1.10/news/1: ").contains("private");
    }

    @Test
    void aUrlGoesThroughTheInjectedSource() {
        String html = "<html lang=ar><head><title>لافروف يأسف لوقف التعاون الأوروبي</title></head><body><article>"
                + "<h1>لافروف يأسف لوقف التعاون الأوروبي</h1>"
                + "<p>أكد وزير الخارجية الروسي أن واشنطن لم تنفذ وعودها في سورية.</p>"
                + "<p>وأضاف أن بلاده تدعو إلى تسوية سلمية وعادلة للنزاع في أسرع وقت.</p></article></body></html>";
        PageLoader source = url -> new PageLoader.Page(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), dir, Clock.systemUTC());
        CommandLine command = new CommandLine(new SummarizeCommand(context, source));
        command.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = command.execute("https://example.com/article");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "أكد وزير الخارجية الروسي أن واشنطن لم تنفذ وعودها في سورية.",
                "وأضاف أن بلاده تدعو إلى تسوية سلمية وعادلة للنزاع في أسرع وقت.");
        assertThat(SummarizeCommand.isUrl("HTTP://x.y")).isTrue();
        assertThat(SummarizeCommand.isUrl("ftp://x.y")).isFalse();
    }

    // ---- --jsonl ----------------------------------------------------------------------------------------------------

    @Test
    void jsonlGivesOneLineOutPerLineInInOrderAndBadLinesDoNotStopTheBatch() throws IOException {
        String article = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الشمالية. "
                + "وقال الوزير إن الخطة تشمل قروضا ميسرة للمزارعين الصغار هذا العام. "
                + "وأضاف أن التنفيذ سيبدأ الشهر المقبل في ثلاث محافظات.";
        String input = String.join("\n",
                JSON.writeValueAsString(Map.of("id", "a", "text", article)),
                "{not json",
                JSON.writeValueAsString(Map.of("id", 7, "text", article, "sentences", 1)),
                JSON.writeValueAsString(Map.of("id", "no-text")),
                JSON.writeValueAsString(Map.of("id", "both", "text", article, "words", 5, "sentences", 1)),
                "",
                JSON.writeValueAsString(Map.of("id", "promo", "text", "تابعونا على تيلغرام")),
                JSON.writeValueAsString(Map.of("id", "t", "text", article, "title", "خطة لدعم المزارعين", "words",
                        10)),
                "[1, 2]") + "\n";
        CliRunner.Result result = cli.runWithInput(input, "summarize", "--jsonl");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(9);
        List<JsonNode> out = lines.stream().map(this::parse).toList();
        assertThat(out.get(0).get("id").asText()).isEqualTo("a");
        assertThat(out.get(0).get("sentences")).hasSize(3);
        assertThat(out.get(1).get("id").isNull()).isTrue();
        assertThat(out.get(1).get("error").asText()).startsWith("not valid JSON");
        assertThat(out.get(2).get("id").asInt()).isEqualTo(7);
        assertThat(out.get(2).get("sentences")).hasSize(1);
        assertThat(out.get(3).get("error").asText()).isEqualTo("\"text\" is missing or not a string");
        assertThat(out.get(4).get("error").asText()).isEqualTo("give \"words\" or \"sentences\", not both");
        assertThat(out.get(5).get("error").asText()).isEqualTo("empty line");
        assertThat(out.get(6).get("error").asText()).startsWith("no sentence to summarise");
        assertThat(out.get(7).get("sentences")).hasSize(1);
        assertThat(out.get(8).get("error").asText()).isEqualTo("expected a JSON object");
        assertThat(out).allMatch(n -> n.has("sentences") != n.has("error"));
        assertThat(result.err().strip()).isEqualTo("mojaz summarize: 6 of 9 lines failed (see their \"error\")");
    }

    @Test
    void jsonlReadsAFileAndRefusesATitleOption() throws IOException {
        Files.writeString(dir.resolve("in.jsonl"), JSON.writeValueAsString(Map.of("id", "s", "text", seedText)) + "\n");
        CliRunner.Result result = cli.run("summarize", "--jsonl", "in.jsonl");
        assertThat(result.exitCode()).isZero();
        assertThat(parse(result.out().strip()).get("sentences").size()).isBetween(2, 4);
        assertThat(cli.run("summarize", "--jsonl", "--title", "x", "in.jsonl").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("summarize", "--jsonl", "missing.jsonl").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    private JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    /** The seed as a saved web page: navigation, the article in paragraphs, a footer. */
    private String seedPage() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"utf-8\">"
                + "<title>صفحة</title></head><body><nav><a href=\"/\">الرئيسية</a> <a href=\"/a\">سياسة</a></nav>"
                + "<main><article>");
        seedText.lines().map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> html.append("<p>").append(line).append("</p>\n"));
        return html.append("</article></main><footer>جميع الحقوق محفوظة</footer></body></html>").toString();
    }

    @Test
    void aSavedPageIsExtractedFirstSoItsSentencesAreTheArticlesNotItsMarkup() throws IOException {
        Files.writeString(dir.resolve("page.html"), seedPage());
        CliRunner.Result result = cli.run("summarize", "page.html");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSizeBetween(2, 4);
        for (String line : lines) {
            assertThat(line).doesNotContain("<").doesNotContain("الرئيسية");
            assertThat(seedText).contains(line);
        }
        assertThat(result.out()).isEqualTo(cli.run("summarize", "seed.txt").out());
    }

    @Test
    void aPageOnStandardInputWithoutAnExtensionIsRecognisedAndJsonStillWorks() throws IOException {
        CliRunner.Result result = cli.runWithInput(seedPage(), "summarize", "--format", "json", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode sentences = JSON.readTree(result.out()).get("sentences");
        assertThat(sentences).isNotEmpty();
        sentences.forEach(sentence -> assertThat(seedText).contains(sentence.asText()));
    }

    @Test
    void aPageWithoutArticleTextIsAClearError() throws IOException {
        Files.writeString(dir.resolve("empty.html"), "<html><body><nav><a href=\"/\">الرئيسية</a></nav></body></html>");
        CliRunner.Result result = cli.run("summarize", "empty.html");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("empty.html").contains("without article text");
    }
}
