package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.text.BoilerplateFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RepeatedBoilerplateTest {
    /** A footer no rule in boilerplate-rules.txt knows about. */
    private static final String FOOTER = "لمزيد من الأخبار حمّلوا تطبيق صدى الشام المجاني على الهاتف المحمول الآن";
    private static final String DISCLAIMER = "الآراء الواردة في المقالات تعبر عن رأي كاتبها ولا تعبر بالضرورة عن رأي الموقع 2024";

    private final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());

    private static final String[] TOWNS = {"", "حمص", "حماة", "اللاذقية", "طرطوس"};
    private static final String[] WORKS = {"", "المياه", "الكهرباء", "الهاتف", "الطرق"};

    private static String page(int n) {
        return "<html lang=ar><body><div class=story>"
                + "<p>قال مسؤول محلي في " + TOWNS[n] + " إن أعمال صيانة شبكة " + WORKS[n] + " ستنتهي خلال الأسبوع المقبل،"
                + " وإن الخدمة ستعود إلى الأحياء الشرقية تدريجيا.</p>"
                + "<p>وأضاف أن فرق الطوارئ في " + TOWNS[n] + " تعمل على مدار الساعة، وأن الأولوية لإصلاح " + WORKS[n]
                + " في المستشفيات والمدارس والأفران في هذه المرحلة.</p>"
                + "<p>" + FOOTER + "</p>"
                + "<p>" + DISCLAIMER.replace("2024", String.valueOf(2020 + n)) + "</p>"
                + "</div></body></html>";
    }

    @Test
    void aNewSitesRepeatedFooterIsDroppedAfterAFewArticles() {
        List<String> stored = new ArrayList<>();
        ExtractedPage first = extractor.extract(page(1), null);
        assertThat(first.paragraphs()).contains(FOOTER); // no rule knows this footer

        for (int n = 1; n <= 3; n++) {
            ExtractedPage page = RepeatedBoilerplate.learn(stored).filter(extractor.extract(page(n), null));
            stored.add(0, page.text());
        }
        RepeatedBoilerplate learned = RepeatedBoilerplate.learn(stored);
        ExtractedPage fourth = learned.filter(extractor.extract(page(4), null));

        assertThat(fourth.paragraphs()).hasSize(2).noneMatch(p -> p.contains("صدى الشام") || p.contains("الآراء"));
        assertThat(fourth.paragraphs().get(0)).contains("طرطوس");
        assertThat(learned.size()).isEqualTo(2);
    }

    @Test
    void withTooFewArticlesNothingIsLearned() {
        List<String> two = List.of(extractor.extract(page(1), null).text(), extractor.extract(page(2), null).text());

        RepeatedBoilerplate learned = RepeatedBoilerplate.learn(two);

        assertThat(learned.size()).isZero();
        assertThat(learned.filter(List.of(FOOTER))).containsExactly(FOOTER);
    }

    @Test
    void aParagraphInOnlyAFewOfManyArticlesIsKept() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.add("خبر رقم " + "ا".repeat(i + 1) + " عن موضوع مختلف تماما\n\n" + (i < 4 ? "فقرة تتكرر في أربعة أخبار" : "نص"));
        }

        RepeatedBoilerplate learned = RepeatedBoilerplate.learn(texts);

        assertThat(learned.isBoilerplate("فقرة تتكرر في أربعة أخبار")).isFalse(); // 4 of 20 is under 30 %
        assertThat(learned.isBoilerplate("نص")).isTrue();
    }

    @Test
    void longRepeatedParagraphsAreNeverLearned() {
        String quote = "«" + "نص طويل لتصريح رسمي تكرر في كل تقارير القصة نفسها ".repeat(10) + "»";
        List<String> texts = List.of("أ\n\n" + quote, "ب\n\n" + quote, "ج\n\n" + quote, "د\n\n" + quote);

        assertThat(RepeatedBoilerplate.learn(texts).isBoilerplate(quote)).isFalse();
    }

    @Test
    void spellingVariantsAndNumbersCountAsTheSameParagraph() {
        List<String> texts = List.of("أ\n\nتابعونا على موقعنا 2021", "ب\n\nتابعونا على موقعنا 2022",
                "ج\n\nتابعونا علي موقعنا 17");

        RepeatedBoilerplate learned = RepeatedBoilerplate.learn(texts);

        assertThat(learned.isBoilerplate("تابعونا  على موقعنا ٢٠٢٤")).isTrue();
    }

    @Test
    void thresholdsAreChecked() {
        assertThatThrownBy(() -> RepeatedBoilerplate.learn(List.of(), 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minArticles");
        assertThatThrownBy(() -> RepeatedBoilerplate.learn(List.of(), 3, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minShare");
        assertThat(RepeatedBoilerplate.none().filter(List.of("x"))).containsExactly("x");
    }
}
