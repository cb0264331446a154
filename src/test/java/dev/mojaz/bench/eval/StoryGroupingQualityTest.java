package dev.mojaz.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.eval.StoryPairSet.Half;
import dev.mojaz.bench.eval.StoryPairSet.LabelledPair;
import dev.mojaz.ingest.dedupe.GroupingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full labelled set as committed (without the EASC pairs, whose text is not in the repository): well-formed,
 * and grouped with the precision the product promises. A change to the grouping rules that merges what should stay
 * apart fails here, not in production.
 */
@Tag("fast")
class StoryGroupingQualityTest {
    private static final Path SET = Path.of("src/bench/resources/dev/mojaz/stories");

    @Test
    void theLabelsAgreeWithTheEventsOfTheReportsAndCoverTheHardCases() throws Exception {
        StoryPairSet set = StoryPairSet.load(SET, null);
        assertThat(Files.readString(SET.resolve("SOURCES.md"))).contains("pairs.tsv");
        assertThat(set.pairs()).hasSizeGreaterThanOrEqualTo(250);
        Set<String> keys = new HashSet<>();
        for (LabelledPair pair : set.pairs()) {
            boolean oneEvent = set.reports().get(pair.a()).event().equals(set.reports().get(pair.b()).event());
            assertThat(pair.same()).as(pair.toString()).isEqualTo(oneEvent);
            assertThat(keys.add(pair.a().compareTo(pair.b()) < 0 ? pair.a() + " " + pair.b() : pair.b() + " "
                    + pair.a())).as("listed twice: " + pair).isTrue();
        }
        assertThat(set.pairs()).extracting(LabelledPair::labelAndKind).contains(
                "different: follow-up a day later", "different: same template, other numbers",
                "different: same place or topic", "same: seed and its rewrites", "same: other outlets, same event");
        assertThat(set.pairs().stream().filter(LabelledPair::same).count()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void precisionIsAtLeast95PercentOnBothHalvesAndRecallHigh() throws Exception {
        StoryPairEvaluation.Result result = StoryPairEvaluation.evaluate(StoryPairSet.load(SET, null),
                GroupingSettings.standard());
        for (StoryPairEvaluation.Method method : result.methods().subList(0, 2)) {
            for (Half half : Half.values()) {
                StoryPairEvaluation.Counts counts = method.total().get(half);
                assertThat(counts.precision()).as(method.name() + " precision, half " + half)
                        .isGreaterThanOrEqualTo(0.95);
                assertThat(counts.recall()).as(method.name() + " recall, half " + half).isGreaterThanOrEqualTo(0.9);
            }
        }
    }
}
