package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class MatchCommandTest {
    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir);
        Files.writeString(dir.resolve("article.txt"), "موسكو تدعو واشنطن لسحب قواتها من سورية\n\n"
                + "بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره الفرنسي جهود التسوية في سورية.\n");
    }

    @Test
    void printsMatchForAMatchingQuery() {
        CliRunner.Result result = cli.run("match", "--query", "لافروف", "article.txt");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("match\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void printsNoMatchAndStillSucceeds() {
        CliRunner.Result result = cli.run("match", "--query", "عمان", "article.txt");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("no match\n");
    }

    @Test
    void searchesTheTitleOnTheFirstLine() throws IOException {
        Files.writeString(dir.resolve("titled.txt"), "داعش يتبنى الهجوم\nنص لا يذكر التنظيم.\n");
        assertThat(cli.run("match", "--query", "داعش", "titled.txt").out()).isEqualTo("match\n");
        assertThat(cli.run("match", "--query", "\"الهجوم نص\"", "titled.txt").out()).isEqualTo("no match\n");
    }

    @Test
    void readsStandardInputWithDashOrWithoutAFile() {
        assertThat(cli.runWithInput("عنوان\nقدمت روسيا الدعم لسوريا\n", "match", "--query", "سوريا", "-").out())
                .isEqualTo("match\n");
        assertThat(cli.runWithInput("عنوان\nقدمت روسيا الدعم لسوريا\n", "match", "--query", "سوريا -روسيا").out())
                .isEqualTo("no match\n");
    }

    @Test
    void decidesSeedArticlesAsAlertsWould() throws IOException {
        Path seed = dir.resolve("seed.txt");
        try (InputStream in = getClass().getResourceAsStream("/dev/mojaz/samples/000_6b2c92f6e4f8b8b5.txt")) {
            Files.write(seed, in.readAllBytes());
        }
        assertThat(cli.run("match", "--query", "\"جبهة النصرة\" OR القاعدة", "seed.txt").out()).isEqualTo("match\n");
        assertThat(cli.run("match", "--query", "داعش التنف", "seed.txt").out()).isEqualTo("match\n");
        assertThat(cli.run("match", "--query", "داعش -التنف", "seed.txt").out()).isEqualTo("no match\n");
        assertThat(cli.run("match", "--query", "البحرين", "seed.txt").out()).isEqualTo("no match\n");
    }

    @Test
    void sourceRestrictedQueriesNeedTheArticlesSource() {
        assertThat(cli.run("match", "--query", "لافروف source:sana", "article.txt").out()).isEqualTo("no match\n");
        assertThat(cli.run("match", "--query", "لافروف source:sana", "--source", "sana", "article.txt").out())
                .isEqualTo("match\n");
        assertThat(cli.run("match", "--query", "لافروف مصدر:sana", "--source", "rt-arabic", "article.txt").out())
                .isEqualTo("no match\n");
    }

    @Test
    void aQueryThatCannotBeUsedIsExitTwoWithTheParsersMessage() {
        CliRunner.Result result = cli.run("match", "--query", "\"جبهة النصرة", "article.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(
                "mojaz match: query: The quote before “جبهة النصرة” is not closed: add \" after the phrase.");
    }

    @Test
    void theMessageCanBeInArabic() {
        CliRunner.Result result = cli.run("match", "--lang", "ar", "--query", "-رياضة", "article.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).containsExactly(
                "mojaz match: query: الاشتراك يستبعد كلمات فقط: أضف كلمة أو عبارة واحدة على الأقل للبحث عنها.");
    }

    @Test
    void anUnknownSourceNamesTheConfiguredOnes() {
        CliRunner.Result result = cli.run("match", "--query", "سوريا source:nowhere", "article.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("There is no source “nowhere”").contains("sana").contains("bbc-arabic");
    }

    @Test
    void aMissingFileIsExitTwoNamingIt() {
        CliRunner.Result result = cli.run("match", "--query", "سوريا", "missing.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().strip()).isEqualTo("mojaz match: missing.txt: file not found");
    }

    @Test
    void theQueryIsRequired() {
        CliRunner.Result result = cli.run("match", "article.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--query");
    }

    @Test
    void queryLimitsComeFromTheConfiguration() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), "match:\n  max-terms-per-query: 2\n");
        CliRunner.Result result = cli.run("match", "--config", "small.yaml", "--query", "سوريا روسيا لبنان",
                "article.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("The subscription has 3 words or phrases; at most 2 are allowed.");
    }

    @Test
    void anInvalidTermLimitIsAConfigurationErrorNamingTheKey() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "match:\n  max-terms-per-query: 0\n");
        CliRunner.Result result = cli.run("match", "--config", "bad.yaml", "--query", "سوريا", "article.txt");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("match.max-terms-per-query: must be between 1 and 100 (was 0)");
    }
}
