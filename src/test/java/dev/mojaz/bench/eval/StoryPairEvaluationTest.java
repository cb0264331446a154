package dev.mojaz.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.eval.StoryPairSet.Half;
import dev.mojaz.ingest.dedupe.GroupingSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The evaluator on the small committed subset: the table's shape and its counts. */
@Tag("fast")
class StoryPairEvaluationTest {
    @Test
    void countsEveryPairOnceByKindAndHalfForEachMethod() throws Exception {
        StoryPairSet set = StoryPairSet.load(StoryPairSetTest.subset(), null);
        StoryPairEvaluation.Result result = StoryPairEvaluation.evaluate(set, GroupingSettings.standard());
        assertThat(result.methods()).extracting(StoryPairEvaluation.Method::name)
                .containsExactly("pair decision", "stream", "time ignored (diagnostic)");
        long same = set.pairs().stream().filter(StoryPairSet.LabelledPair::same).count();
        for (StoryPairEvaluation.Method method : result.methods()) {
            StoryPairEvaluation.Counts a = method.total().get(Half.A);
            StoryPairEvaluation.Counts b = method.total().get(Half.B);
            assertThat(a.pairs() + b.pairs()).isEqualTo(set.pairs().size());
            assertThat(a.same() + b.same()).isEqualTo(same);
            assertThat(method.byKind()).containsKeys("same: other outlets, same event",
                    "different: follow-up a day later", "different: same template, other numbers");
        }
        // Precision first: no false merge on the subset, by either method that ships.
        for (StoryPairEvaluation.Method method : result.methods().subList(0, 2)) {
            assertThat(method.total().get(Half.A).precision()).isEqualTo(1.0);
            assertThat(method.total().get(Half.B).precision()).isEqualTo(1.0);
        }
        assertThat(result.reports()).isEqualTo(25);
        assertThat(result.streamComparisons()).isLessThan(25 * 24 / 2);
    }

    @Test
    void printsOneRowPerKindThenPrecisionAndRecall() throws Exception {
        StoryPairSet set = StoryPairSet.load(StoryPairSetTest.subset(), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StoryPairEvaluation.print(StoryPairEvaluation.evaluate(set, GroupingSettings.standard()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("kind (grouped / pairs)").contains("pairs A/B", "pair decision", "stream");
        assertThat(lines).anyMatch(l -> l.matches("same: other outlets, same event +7/6 +\\d+/7 +\\d+/6 +\\d+/7 +\\d+/6"));
        assertThat(lines).anyMatch(l -> l.matches("different: follow-up a day later +5/5 +0/5 +0/5 +0/5 +0/5"));
        assertThat(lines).anyMatch(l -> l.matches("precision +29/51 +1\\.000 +1\\.000 +1\\.000 +1\\.000"));
        assertThat(lines).anyMatch(l -> l.startsWith("recall "));
        assertThat(lines).anyMatch(l -> l.startsWith("time ignored (diagnostic): precision "));
        assertThat(lines.get(lines.size() - 1)).matches("stream: 25 reports, \\d+ comparisons \\(all pairs would be 300\\)");
    }
}
