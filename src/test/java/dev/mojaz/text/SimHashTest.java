package dev.mojaz.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.ingest.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Near-duplicate signatures on the seed articles: one story told twice is close, two stories are not. */
@Tag("fast")
class SimHashTest {
    static final List<String> SEEDS = List.of("000_6b2c92f6e4f8b8b5", "001_cbaf4bc2a732227a", "002_ac1c3e60c73cbb0f",
            "003_3a0528656e2a16ca", "004_625e51d79cef2ff7");

    @Test
    void aRepublishedVersionOfEachSeedIsANearDuplicate() {
        for (String name : SEEDS) {
            String original = Fixtures.seed(name);
            String copy = Fixtures.republished(original);
            assertThat(copy).isNotEqualTo(original);
            assertThat(SimHash.distance(SimHash.signature(original), SimHash.signature(copy)))
                    .as("distance between %s and its republished version", name)
                    .isLessThanOrEqualTo(SimHash.MAX_DISTANCE);
            assertThat(SimHash.isNearDuplicate(SimHash.signature(original), SimHash.signature(copy))).isTrue();
        }
    }

    @Test
    void differentSeedsAreNotNearDuplicatesEvenOnTheSameSubject() {
        // All five seeds are about Russia, Syria and Lavrov: the hard case for a word-based signature.
        for (int i = 0; i < SEEDS.size(); i++) {
            for (int j = i + 1; j < SEEDS.size(); j++) {
                long a = SimHash.signature(Fixtures.seed(SEEDS.get(i)));
                long b = SimHash.signature(Fixtures.seed(SEEDS.get(j)));
                assertThat(SimHash.distance(a, b)).as("%s vs %s", SEEDS.get(i), SEEDS.get(j))
                        .isGreaterThan(2 * SimHash.MAX_DISTANCE);
                // and a republished copy of one is not mistaken for the other
                assertThat(SimHash.isNearDuplicate(SimHash.signature(Fixtures.republished(Fixtures.seed(SEEDS.get(i)))), b)).isFalse();
            }
        }
    }

    @Test
    void spellingVariantsAndLayoutDoNotChangeTheSignature() {
        String text = "أكد الرئيس أن المرحلة المقبلة ستشهد تعاوناً أكبر.\n\nوقال إن ٢٠٢٦ عام حاسم.";
        String variant = "اكد الرئيس ان المرحلة المقبلة ستشهد تعاونا اكبر. وقال: إن 2026 عامٌ حاسم!";
        assertThat(SimHash.signature(variant)).isEqualTo(SimHash.signature(text));
    }

    @Test
    void theSignatureIsStableAcrossRunsAndEmptyTextIsZero() {
        assertThat(SimHash.signature("")).isZero();
        assertThat(SimHash.signature(" … ")).isZero();
        // Stored signatures must stay comparable: a change here would need a migration of stored articles.
        assertThat(SimHash.hash("سورية")).isEqualTo(SimHash.hash("سورية"));
        assertThat(SimHash.signature("واحد اثنان ثلاثة")).isEqualTo(SimHash.signature("ثلاثة اثنان واحد"));
    }
}
