package dev.mojaz.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each expected figure below is worked out by hand in the comment above it. */
@Tag("fast")
class RougeTest {
    private static List<String> t(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    private static void assertScore(Rouge.Score score, double precision, double recall, double f1) {
        assertThat(score.precision()).as("precision").isCloseTo(precision, within(1e-9));
        assertThat(score.recall()).as("recall").isCloseTo(recall, within(1e-9));
        assertThat(score.f1()).as("f1").isCloseTo(f1, within(1e-9));
    }

    @Test
    void rouge1CountsSharedWords() {
        // candidate a b c d, reference a b e: shared a, b = 2; P = 2/4, R = 2/3, F = 2PR/(P+R) = 4/7
        assertScore(Rouge.n(1, t("a b c d"), t("a b e")), 0.5, 2.0 / 3, 4.0 / 7);
    }

    @Test
    void rouge1ClipsRepeatsToTheReferenceCount() {
        // candidate the the the, reference the cat: "the" counts min(3, 1) = 1; P = 1/3, R = 1/2, F = 2/5
        assertScore(Rouge.n(1, t("the the the"), t("the cat")), 1.0 / 3, 0.5, 0.4);
        // both sides twice: counts 2; P = 2/3, R = 2/2, F = 2·(2/3)·1/(5/3) = 4/5
        assertScore(Rouge.n(1, t("x x y"), t("x x")), 2.0 / 3, 1, 0.8);
    }

    @Test
    void rouge2CountsSharedBigrams() {
        // candidate bigrams ab bc cd (3), reference ab be (2); shared ab = 1; P = 1/3, R = 1/2, F = 2/5
        assertScore(Rouge.n(2, t("a b c d"), t("a b e")), 1.0 / 3, 0.5, 0.4);
        // candidate bigrams ab ba ab (ab twice), reference ab ba ab ba: ab min(2,2) + ba min(1,2) = 3;
        // P = 3/3, R = 3/4, F = 6/7
        assertScore(Rouge.n(2, t("a b a b"), t("a b a b a")), 1, 0.75, 6.0 / 7);
    }

    @Test
    void rougeLUsesTheLongestCommonSubsequence() {
        // LCS(a x b y c, a b c) = a b c = 3; P = 3/5, R = 3/3, F = 2·0.6/1.6 = 0.75
        assertScore(Rouge.l(t("a x b y c"), t("a b c")), 0.6, 1, 0.75);
        // LCS(a b c d, a b e) = a b = 2; P = 2/4, R = 2/3, F = 4/7
        assertScore(Rouge.l(t("a b c d"), t("a b e")), 0.5, 2.0 / 3, 4.0 / 7);
        // order matters for L, not for 1: LCS(c b a, a b c) = 1 (any one word); P = R = F = 1/3
        assertScore(Rouge.l(t("c b a"), t("a b c")), 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(Rouge.lcs(t("b d c a b a"), t("a b c b d a b"))).isEqualTo(4);
    }

    @Test
    void identicalTextsScoreOne() {
        List<String> text = t("ذهب الولد الى المدرسه صباحا");
        assertScore(Rouge.n(1, text, text), 1, 1, 1);
        assertScore(Rouge.n(2, text, text), 1, 1, 1);
        assertScore(Rouge.l(text, text), 1, 1, 1);
    }

    @Test
    void emptyOrTooShortSidesScoreZero() {
        assertScore(Rouge.n(1, t(""), t("a b")), 0, 0, 0);
        assertScore(Rouge.n(1, t("a b"), t("")), 0, 0, 0);
        assertScore(Rouge.n(2, t("a"), t("a")), 0, 0, 0);
        assertScore(Rouge.l(t(""), t("")), 0, 0, 0);
    }
}
