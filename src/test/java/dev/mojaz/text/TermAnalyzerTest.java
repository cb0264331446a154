package dev.mojaz.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class TermAnalyzerTest {
    private final TermAnalyzer analyzer = TermAnalyzer.standard();

    @ParameterizedTest(name = "{0} and {1} are one term")
    @CsvSource({
            "المعارضة, معارضة",
            "والمعارضة, المعارضة",
            "بالمعارضة, المعارضة",
            "للمعارضة, المعارضة",
            "أمريكا, امريكا",
            "إدلب, ادلب",
            "مستشفى, مستشفي",
            "السوريون, السوري",
            "المفاوضات, مفاوض",
            "٢٠٢٤, 2024",
            "Negotiations, negotiation",
            "running, runs",
    })
    void foldsSpellingCliticsAndSuffixes(String a, String b) {
        assertThat(analyzer.term(a)).isNotNull().isEqualTo(analyzer.term(b));
    }

    @Test
    void dropsLuceneArabicAndEnglishStopWordsInAnySpelling() {
        assertThat(analyzer.terms("إلى أن في على الذي التي وقد لكن هذه")).isEmpty();
        assertThat(analyzer.terms("الى ان وفي علي")).isEmpty();
        assertThat(analyzer.terms("the of and is with")).isEmpty();
        assertThat(analyzer.isStopWord("إلى")).isTrue();
        assertThat(analyzer.isStopWord("سورية")).isFalse();
    }

    @Test
    void mixedTextKeepsContentTermsInOrder() {
        // Lucene's light stemmer is light: it takes و off وكالة as if it were a clitic. Consistently, so it still
        // matches itself.
        assertThat(analyzer.terms("أعلنت وكالة Reuters أن 300 مسلح عبروا إلى إدلب"))
                .containsExactly("اعلنت", "كال", "reuter", "300", "مسلح", "عبروا", "ادلب");
    }

    @Test
    void singleLettersAndOverlongTokensAreNotTerms() {
        assertThat(analyzer.terms("و ب x 5")).isEmpty();
        assertThat(analyzer.terms("a".repeat(200))).isEmpty();
    }
}
