package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.MatchConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.QueryParser;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Words no source publishes in, and their Arabic forms from CLDR. */
@Tag("fast")
class ForeignWordsTest {
    private static final SourceConfig ARABIC = source("sana", "ar");
    private final QueryParser parser = new QueryParser(new MatchConfig(50, 200, 20), List.of("sana"));
    private final ForeignWords foreign = new ForeignWords(ArabicNames.cldr());

    private static SourceConfig source(String id, String language) {
        return new SourceConfig(id, id, language, URI.create("https://example.com/" + id + ".xml"), null, null, null,
                true);
    }

    private Optional<ForeignWords.Finding> check(String query, SourceConfig... sources) throws InvalidQueryException {
        return foreign.check(parser.parse(query), List.of(sources));
    }

    @Test
    void placesGetTheirArabicNamesShortFormsFirst() {
        ArabicNames names = ArabicNames.cldr();
        assertThat(names.arabic("Syria")).hasValue("سوريا");
        assertThat(names.arabic("palestine")).hasValue("فلسطين");
        assertThat(names.arabic("Palestinian Territories")).hasValue("فلسطين");
        assertThat(names.arabic("Damascus")).hasValue("دمشق");
        assertThat(names.arabic("the United States")).hasValue("الولايات المتحدة");
        assertThat(names.arabic("football")).isEmpty();
        assertThat(names.english("العراق")).hasValue("Iraq");
        assertThat(names.english("عراق")).hasValue("Iraq");
    }

    @Test
    void aLatinWordAgainstArabicSourcesIsForeignAndPutInArabic() throws InvalidQueryException {
        ForeignWords.Finding finding = check("Syria -Damascus source:sana", ARABIC).orElseThrow();
        assertThat(finding.words()).containsExactly("Syria", "Damascus");
        assertThat(finding.languages()).containsExactly("ar");
        assertThat(finding.suggestion()).hasValue("سوريا -دمشق مصدر:sana");
        assertThat(parser.parse(finding.suggestion().get()).canonical()).isEqualTo("سوريا -دمشق source:sana");
    }

    @Test
    void separatelyTypedWordsOfOneNameAreOneNameAndAnUnknownWordLeavesNoSuggestion() throws InvalidQueryException {
        assertThat(check("Saudi Arabia", ARABIC).orElseThrow().suggestion()).hasValue("\"المملكة العربية السعودية\"");
        assertThat(check("Syria football", ARABIC).orElseThrow().suggestion()).isEmpty();
    }

    @Test
    void arabicWordsNumbersAndLatinWordsWhenASourceIsInEnglishAreNotForeign() throws InvalidQueryException {
        assertThat(check("سوريا 2254", ARABIC)).isEmpty();
        assertThat(check("Syria", ARABIC, source("bbc", "en"))).isEmpty();
        assertThat(check("Syria")).as("no sources, nothing to compare with").isEmpty();
    }

    @Test
    void languagesAreNamedInTheReadersLanguage() {
        assertThat(ForeignWords.languageName("ar", "en")).isEqualTo("Arabic");
        assertThat(ForeignWords.languageName("ar", "ar")).isEqualTo("العربية");
    }
}
