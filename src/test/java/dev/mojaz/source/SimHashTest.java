package dev.mojaz.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Near-duplicate signatures on the seed articles: one story told twice is close, two stories are not. */
class SimHashTest {
    static final List<String> SEEDS = List.of("000_6b2c92f6e4f8b8b5", "001_cbaf4bc2a732227a", "002_ac1c3e60c73cbb0f",
            "003_3a0528656e2a16ca", "004_625e51d79cef2ff7");

    /** Filler a rewriting editor adds to a lead, and words swapped in for others. */
    private static final List<String> REWORDING = List.of("بدورها", "كذلك", "مؤكدة", "أيضا", "الأحد", "حسبما",
            "أفادت", "مصادر", "رسمية", "اليوم");

    static String seed(String name) {
        try (InputStream in = SimHashTest.class.getResourceAsStream("/dev/mojaz/samples/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same story as another site carries it: its own dateline, a lead reworded (a phrase added in front, every
     * fourth word changed), the original's promotion lines gone and the site's own boilerplate added.
     */
    static String republished(String text) {
        List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
        lines.removeIf(l -> l.contains("تابعوا") || l.contains("تابعونا") || l.startsWith("http") || l.contains("اشتراك"));
        int lead = 0;
        while (lines.get(lead).split(" ").length < 15) {
            lead++;
        }
        String[] words = lines.get(lead).split(" ");
        for (int i = 3; i < words.length; i += 4) {
            words[i] = REWORDING.get(i % REWORDING.size());
        }
        lines.set(lead, "في تطور جديد على هذا الصعيد، " + String.join(" ", words));
        if (lead > 0) {
            lines.set(0, "موسكو - (وكالات)");
        }
        lines.add("اقرأ أيضاً: آخر المستجدات على الساحة الدولية");
        lines.add("شارك هذا الخبر عبر فيسبوك وتويتر");
        lines.add("جميع الحقوق محفوظة © 2026");
        return String.join("\n\n", lines);
    }

    @Test
    void aRepublishedVersionOfEachSeedIsANearDuplicate() {
        for (String name : SEEDS) {
            String original = seed(name);
            String copy = republished(original);
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
                long a = SimHash.signature(seed(SEEDS.get(i)));
                long b = SimHash.signature(seed(SEEDS.get(j)));
                assertThat(SimHash.distance(a, b)).as("%s vs %s", SEEDS.get(i), SEEDS.get(j))
                        .isGreaterThan(2 * SimHash.MAX_DISTANCE);
                // and a republished copy of one is not mistaken for the other
                assertThat(SimHash.isNearDuplicate(SimHash.signature(republished(seed(SEEDS.get(i)))), b)).isFalse();
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
