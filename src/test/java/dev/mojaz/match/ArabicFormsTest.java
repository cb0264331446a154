package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.match.SampleArticles;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ArabicFormsTest {
    private final MatchAnalyzer documents = MatchAnalyzer.forDocuments();
    private final MatchAnalyzer queries = MatchAnalyzer.forQueries();

    private List<String> forms(String word) {
        List<List<String>> positions = documents.analyze(word);
        assertThat(positions).as(word).hasSize(1);
        return positions.get(0);
    }

    @Test
    void proclitics() {
        assertThat(forms("وسوريا")).contains("سوري");
        assertThat(forms("فبسورية")).contains("سوري");
        assertThat(forms("لداعش")).containsExactly("لداعش", "داعش");
        assertThat(forms("كالعادة")).contains("عاده", "العاده");
        assertThat(forms("وللبنان")).contains("لبنان").doesNotContain("لبن");
        assertThat(forms("للاذقية")).contains("اللاذقي").as("ل + اللاذقية lost a lam in writing");
    }

    @Test
    void theArticleFormIsKeptBesideTheBareOne() {
        assertThat(forms("بالجزيرة")).contains("الجزيره", "جزيره");
        assertThat(forms("للجزيرة")).contains("الجزيره", "جزيره");
        assertThat(forms("جزيرة")).contains("جزيره").doesNotContain("الجزيره");
    }

    @Test
    void suffixes() {
        assertThat(forms("حكومتها")).contains("حكومه");
        assertThat(forms("الحكومتين")).contains("حكومه", "الحكومه");
        assertThat(forms("القوات")).contains("قوه", "القوه");
        assertThat(forms("جيشه")).contains("جيش");
        assertThat(forms("المسلمون")).contains("مسلم", "المسلم");
        assertThat(forms("الفلسطينيين")).contains("فلسطيني", "فلسطين", "الفلسطيني");
    }

    @Test
    void relativeAdjectivesGiveTheirNoun() {
        assertThat(forms("المصرية")).contains("مصري", "مصر", "المصري");
        assertThat(forms("الأوروبي")).contains("اوروبا");
        assertThat(forms("الأردنية")).contains("الاردن");
    }

    @Test
    void whatMustNotBeStripped() {
        assertThat(forms("النصرة")).as("ة is not the pronoun ه").doesNotContain("النصر", "نصر");
        assertThat(forms("البحرين")).doesNotContain("البحر", "بحر");
        assertThat(forms("لبنان")).doesNotContain("لبن");
        assertThat(forms("سلمان")).doesNotContain("سلم");
        assertThat(forms("ليلى")).as("ى is not a nisba ي").doesNotContain("ليل");
        assertThat(forms("عليه")).doesNotContain("عل");
        assertThat(forms("العليا")).doesNotContain("علي");
        assertThat(forms("آلة")).as("ال + ة is not a word").containsExactly("اله");
        assertThat(forms("ولد")).doesNotContain("لد");
        assertThat(forms("عمال")).doesNotContain("عمان");
    }

    @Test
    void spellingIsFolded() {
        assertThat(queries.words("سورية سوريا سُورِيَا ســوريا")).containsOnly("سوري");
        assertThat(queries.words("أمريكا إدلب آسيا مصطفى")).containsExactly("امريكا", "ادلب", "اسيا", "مصطفي");
        assertThat(queries.words("٢٠٢٤ ۲۰۲۴")).containsExactly("2024", "2024");
        assertThat(queries.words("عليه عليا")).as("short words keep their endings").containsExactly("عليه", "عليا");
    }

    @Test
    void wordsAreSplitAtPunctuationAndInvisibleCharactersIgnored() {
        assertThat(queries.words("موسكو-سانا")).containsExactly("موسكو", "سانا");
        assertThat(queries.words("تنظيم”داعش”الإرهابي")).containsExactly("تنظيم", "داعش", "الارهابي");
        assertThat(queries.words("سو\u200Cريا \u200Fداعش")).containsExactly("سوري", "داعش");
        assertThat(queries.words("Russia's 'army'")).containsExactly("russia", "army");
    }

    @Test
    void englishIsLowerCasedAndLightlyStemmed() {
        assertThat(queries.words("Elections IRANIAN policy police")).containsExactly("election", "iran", "policy", "police");
    }

    @Test
    void everyWordOfTheSeedArticlesMatchesItselfAndStrippedFormsAreNeverShort() {
        for (SampleArticles.Article article : SampleArticles.load()) {
            List<List<String>> positions = documents.analyze(article.title() + "\n" + article.text());
            List<String> words = queries.words(article.title() + "\n" + article.text());
            assertThat(positions).hasSameSizeAs(words);
            for (int i = 0; i < words.size(); i++) {
                List<String> wordForms = positions.get(i);
                assertThat(wordForms.get(0)).as("the literal form comes first").isEqualTo(words.get(i));
                assertThat(wordForms).doesNotHaveDuplicates();
                for (String form : wordForms.subList(1, wordForms.size())) {
                    assertThat(form.length()).as(form + " from " + words.get(i)).isGreaterThanOrEqualTo(3);
                }
            }
        }
    }
}
