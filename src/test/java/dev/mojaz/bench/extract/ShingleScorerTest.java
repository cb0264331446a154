package dev.mojaz.bench.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ShingleScorerTest {

    @Test
    void identicalTextScoresOne() {
        ShingleScorer.PageScore s = ShingleScorer.score("one two three four five", "one, two; three four\nfive!");

        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
    }

    @Test
    void extraAndMissingShinglesCountAsMultisets() {
        // expected: a b c d e -> abcd, bcde; extracted: a b c d x a b c d -> abcd, bcdx, cdxa, dxab, xabc, abcd
        ShingleScorer.PageScore s = ShingleScorer.score("a b c d e", "a b c d x a b c d");

        assertThat(s.precision()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(s.recall()).isCloseTo(1.0 / 2, within(1e-9));
    }

    @Test
    void shortTextsAreOneShingleAndEmptyPagesScoreOne() {
        assertThat(ShingleScorer.score("a b", "a b").precision()).isEqualTo(1.0);
        assertThat(ShingleScorer.score("a b", "a c").recall()).isEqualTo(0.0);
        assertThat(ShingleScorer.score("", "").precision()).isEqualTo(1.0);
        assertThat(ShingleScorer.score("a b c d", "").precision()).isEqualTo(0.0);
    }

    @Test
    void tokensAreUnicodeWordsWithCaseKept() {
        assertThat(ShingleScorer.score("قال الوزير إن المحادثات", "قال الوزير، إن «المحادثات»").recall()).isEqualTo(1.0);
        assertThat(ShingleScorer.score("The cat sat down", "the cat sat down").recall()).isEqualTo(0.0);
    }

    @Test
    void f1IsComputedFromTheMeans() {
        ShingleScorer scorer = new ShingleScorer();
        scorer.add("a b c d", "a b c d"); // 1, 1
        scorer.add("a b c d", "x y z w"); // 0, 0

        ShingleScorer.Totals totals = scorer.totals();

        assertThat(totals.precision()).isEqualTo(0.5);
        assertThat(totals.recall()).isEqualTo(0.5);
        assertThat(totals.f1()).isEqualTo(0.5);
        assertThat(totals.pages()).isEqualTo(2);
    }
}
