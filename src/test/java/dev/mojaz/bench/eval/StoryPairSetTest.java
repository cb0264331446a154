package dev.mojaz.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.bench.eval.StoryPairSet.LabelledPair;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class StoryPairSetTest {
    @TempDir
    Path dir;

    static Path subset() throws URISyntaxException {
        return Path.of(StoryPairSetTest.class.getResource("/dev/mojaz/eval/stories-subset/pairs.tsv").toURI())
                .getParent();
    }

    @Test
    void readsReportsSeedsAndPairs() throws Exception {
        StoryPairSet set = StoryPairSet.load(subset(), null);
        assertThat(set.reports()).hasSize(25).containsKeys("quake1-anadolu", "seed000-sana");
        StoryPairSet.LabelledReport seed = set.reports().get("seed000-sana");
        assertThat(seed.report().title()).isEqualTo("موسكو-أستانا-سانا");
        assertThat(seed.report().text()).contains("كوناشينكوف");
        StoryPairSet.LabelledReport quake = set.reports().get("quake1-bbc");
        assertThat(quake.event()).isEqualTo("quake1");
        assertThat(quake.report().source()).isEqualTo("bbc");
        assertThat(quake.report().title()).isEqualTo("تركيا: زلزال بقوة ٥٫٩ درجات دون أنباء عن قتلى");
        assertThat(quake.report().text()).startsWith("قالت السلطات التركية").doesNotContain("===");
        assertThat(set.pairs()).hasSize(80);
        assertThat(set.skipped()).isZero();
    }

    @Test
    void aPairIsSameExactlyWhenItsReportsTellOneEvent() throws Exception {
        StoryPairSet set = StoryPairSet.load(subset(), null);
        for (LabelledPair pair : set.pairs()) {
            boolean oneEvent = set.reports().get(pair.a()).event().equals(set.reports().get(pair.b()).event());
            assertThat(pair.same()).as(pair.toString()).isEqualTo(oneEvent);
        }
    }

    @Test
    void theHalfOfAPairDependsOnlyOnItsTwoIds() {
        LabelledPair pair = new LabelledPair("quake1-bbc", "quake1-rt", true, "x");
        assertThat(new LabelledPair("quake1-rt", "quake1-bbc", false, "y").half()).isEqualTo(pair.half());
        assertThat(pair.labelAndKind()).isEqualTo("same: x");
    }

    @Test
    void pairsThatNeedEascAreSkippedWithoutIt() throws IOException {
        write("=== r1 e1 bbc 2024-01-01T00:00:00Z\nعنوان\n\nنص الخبر الأول هنا.\n",
                "easc1\te2\talwatan\t2024-01-01T01:00:00Z\teasc:Topic4\n",
                "r1\teasc1\tdifferent\tunrelated\n");
        StoryPairSet set = StoryPairSet.load(dir, null);
        assertThat(set.pairs()).isEmpty();
        assertThat(set.skipped()).isEqualTo(1);
    }

    @Test
    void badRecordsAreNamedByFileAndLine() throws IOException {
        write("# comment\n=== r1 e1 bbc yesterday\nعنوان\n\nنص.\n", "", "");
        assertThatThrownBy(() -> StoryPairSet.load(dir, null)).hasMessage(
                "reports.txt:2: not an ISO-8601 instant: yesterday");
        write("=== r1 e1 bbc 2024-01-01T00:00:00Z\nعنوان\n\nنص.\n", "", "r1\tr1\tmaybe\tx\n");
        assertThatThrownBy(() -> StoryPairSet.load(dir, null)).hasMessageStartingWith("pairs.tsv:1: expected");
        write("=== r1 e1 bbc 2024-01-01T00:00:00Z\nعنوان\n\nنص.\n", "r1\te\tsana\t2024-01-01T00:00:00Z\tfile:x\n", "");
        assertThatThrownBy(() -> StoryPairSet.load(dir, null)).hasMessage(
                "references.tsv:1: ref must start with sample: or easc:");
        write("=== r1 e1 bbc 2024-01-01T00:00:00Z\nعنوان\n", "", "");
        assertThatThrownBy(() -> StoryPairSet.load(dir, null)).hasMessage("reports.txt:1: r1 has no text");
    }

    @Test
    void eascArticlesAndTheirReferenceSummariesAreRead() throws IOException {
        Path easc = dir.resolve("easc.jsonl");
        Files.writeString(easc, "{\"topic\": \"Topic4\", \"source\": \"Alwatan Newspaper\", \"url\": \"\", "
                + "\"article\": \"جملة أولى. جملة ثانية.\", \"refs\": {\"A\": \"جملة أولى.\", \"B\": \"جملة ثانية.\"}}\n");
        write("=== r1 e1 bbc 2024-01-01T00:00:00Z\nعنوان\n\nنص الخبر.\n",
                "a\te2\talwatan\t2024-01-01T01:00:00Z\teasc:Topic4\nb\te2\tbrief\t2024-01-01T02:00:00Z\teasc:Topic4/B\n",
                "a\tb\tsame\textract\n");
        StoryPairSet set = StoryPairSet.load(dir, easc);
        Map<String, StoryPairSet.LabelledReport> reports = set.reports();
        assertThat(reports.get("a").report().text()).isEqualTo("جملة أولى. جملة ثانية.");
        assertThat(reports.get("b").report().text()).isEqualTo("جملة ثانية.");
        assertThat(set.pairs()).hasSize(1);
    }

    private void write(String reports, String references, String pairs) throws IOException {
        Files.writeString(dir.resolve("reports.txt"), reports);
        Files.writeString(dir.resolve("references.tsv"), references);
        Files.writeString(dir.resolve("pairs.tsv"), pairs);
    }
}
