package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.MatchConfig;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The word data matching ships: broken plurals, the construct state, place names, relative adjectives. */
@Tag("fast")
class MatchDataTest {
    private static final QueryParser PARSER = new QueryParser(new MatchConfig(50, 200, 20), List.of());

    private static final MatchAnalyzer DOCUMENTS = MatchAnalyzer.forDocuments();

    /** The forms of one article word, normalised as in an article. */
    private static List<String> forms(String word) {
        return DOCUMENTS.analyze(word).get(0);
    }

    private static Query parse(String text) throws InvalidQueryException {
        return PARSER.parse(text);
    }

    @Test
    void brokenPluralsAreLinkedBothWays() {
        assertThat(forms("الأحزاب")).contains("حزب");
        assertThat(forms("حزب")).contains("احزاب");
        assertThat(forms("بالأسلحة")).contains("سلاح");
        assertThat(forms("أسلحتها")).as("plural with a pronoun, ت read as ة").contains("سلاح");
        assertThat(forms("القرى")).contains("قريه");
        assertThat(forms("الأطباء")).contains("طبيب");
        assertThat(forms("مساجد")).contains("مسجد");
        assertThat(forms("البلدان")).contains("بلد");
        assertThat(BrokenPlurals.standard().pairs()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void pluralsAreAListNotAPattern() {
        assertThat(forms("قوي")).as("قوى (forces) is spelt like قوي (strong): left out").doesNotContain("قوه");
        assertThat(forms("الإعلام")).as("أعلام is إعلام once hamza is folded").doesNotContain("علم");
        assertThat(forms("الأمصار")).as("a country gets no plural").doesNotContain("مصر");
        assertThat(forms("الجزائر")).as("الجزائر is a country, not islands").doesNotContain("جزيره");
        assertThat(forms("مسلح")).doesNotContain("سلاح");
        assertThat(forms("الحدود")).as("no two-letter links").doesNotContain("حد");
        for (String word : BrokenPlurals.standard().words()) {
            assertThat(word.length()).as(word).isGreaterThanOrEqualTo(ArabicForms.MIN_STRIPPED);
            assertThat(ArticleWords.standard().isStopWord(word)).as(word).isFalse();
        }
    }

    @Test
    void aWordTypedWithTheArticleAlsoFindsTheBareNoun() throws InvalidQueryException {
        assertThat(words("المجلس")).containsExactly("مجلس");
        assertThat(words("الوزارة")).containsExactly("وزاره");
        assertThat(words("المستشفى")).containsExactly("مستشفي");
        assertThat(words("اللجنة")).containsExactly("لجنه");
        assertThat(words("الرؤية")).as("folded from the bare word, as articles fold it").containsExactly("رؤيه");
        assertThat(parse("المجلس").canonical()).as("what people typed is kept").isEqualTo("المجلس");
        assertThat(parse("المجلس").key()).isEqualTo(parse("مجلس").key());
    }

    @Test
    void namesAndWordsWhoseAlIsNotTheArticleKeepIt() throws InvalidQueryException {
        assertThat(words("الجزيرة")).as("channel").containsExactly("الجزيره");
        assertThat(words("القاهرة")).as("CLDR city").containsExactly("القاهره");
        assertThat(words("الأردن")).as("CLDR country").containsExactly("الاردن");
        assertThat(words("الموصل")).as("supplement city").containsExactly("الموصل");
        assertThat(words("القاعدة")).as("organisation").containsExactly("القاعده");
        assertThat(words("الغاء")).as("إلغاء typed without hamza").containsExactly("الغاء");
        assertThat(words("إلهام")).as("typed with hamza: no article").containsExactly("الهام");
        assertThat(words("الإمام")).as("امام would be أمام").containsExactly("الامام");
        assertThat(words("الله")).as("two letters would be left").containsExactly("الله");
        assertThat(parse("\"المجلس العسكري\"").required().get(0).terms().get(0).words())
                .as("phrases are kept as typed").containsExactly("المجلس", "العسكري");
    }

    @Test
    void englishAndFrenchPlaceNamesFindTheirArabicNames() throws InvalidQueryException {
        assertThat(arabic("Egypt")).containsExactly("مصر");
        assertThat(arabic("Égypte")).containsExactly("مصر");
        assertThat(arabic("Egypte")).containsExactly("مصر");
        assertThat(arabic("Baghdad")).containsExactly("بغداد");
        assertThat(arabic("Bagdad")).containsExactly("بغداد");
        assertThat(arabic("Jordan")).containsExactly("الأردن");
        assertThat(arabic("Aleppo")).containsExactly("حلب");
        assertThat(arabic("\"Saudi Arabia\"")).contains("المملكة العربية السعودية", "السعودية");
        assertThat(arabic("Nome")).as("removed: نوم is sleep").isEmpty();
        assertThat(arabic("election")).isEmpty();
        assertThat(PlaceNames.standard().size()).isGreaterThan(500);
        assertThat(parse("Egypt").required().get(0).terms().get(0).coverage()).isEqualTo("Egypt = مصر");
        assertThat(parse("Egypt").canonical()).isEqualTo("Egypt");
    }

    @Test
    void anArabicPlaceNameFindsItsRelativeAdjectivesByRule() throws InvalidQueryException {
        for (String text : List.of("قال الرئيس المصري", "الخارجية المصرية", "تظاهر المصريون", "لقاء مع المصريين",
                "منتخبا مصريا", "زار مصر")) {
            assertThat(MatchEngine.matches(parse("Egypt"), "", text, null)).as(text).isTrue();
        }
        assertThat(MatchEngine.matches(parse("Egypt"), "", "مصير الاتفاق", null)).isFalse();
        assertThat(MatchEngine.matches(parse("مصري"), "", "زار مصر", null)).as("not the other way").isFalse();
        assertThat(MatchEngine.matches(parse("Syria -Damascus"), "", "قصف في ريف دمشق بسوريا", null))
                .as("an excluded place name excludes its Arabic name too").isFalse();
    }

    private static List<String> words(String text) throws InvalidQueryException {
        return parse(text).required().get(0).terms().get(0).words();
    }

    private static List<String> arabic(String text) throws InvalidQueryException {
        return parse(text).required().get(0).terms().get(0).equivalents().stream().map(QueryTerm::text).toList();
    }
}
