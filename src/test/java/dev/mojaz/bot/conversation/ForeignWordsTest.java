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

/** Words no source will show, and their Arabic forms from the matcher's place names. */
@Tag("fast")
class ForeignWordsTest {
    private static final SourceConfig ARABIC = source("sana", "ar");
    private final QueryParser parser = new QueryParser(new MatchConfig(50, 200, 20), List.of("sana"));
    private final ForeignWords foreign = new ForeignWords();

    private static SourceConfig source(String id, String language) {
        return new SourceConfig(id, id, language, URI.create("https://example.com/" + id + ".xml"), null, null, null,
                true);
    }

    private Optional<ForeignWords.Finding> check(String query, SourceConfig... sources) throws InvalidQueryException {
        return foreign.check(parser.parse(query), List.of(sources), parser);
    }

    @Test
    void aPlaceTheMatcherKnowsByItsEnglishNameIsNotForeign() throws InvalidQueryException {
        assertThat(check("Syria", ARABIC)).isEmpty();
        assertThat(check("\"New York\" OR Cairo -Iran", ARABIC)).isEmpty();
    }

    @Test
    void aLatinWordNoSourceShowsIsForeignAndHasNoArabicFormUnlessItIsPartOfAName() throws InvalidQueryException {
        ForeignWords.Finding football = check("Syria football", ARABIC).orElseThrow();
        assertThat(football.words()).containsExactly("football");
        assertThat(football.languages()).containsExactly("ar");
        assertThat(football.suggestion()).isEmpty();

        // typed apart, "Arabia" alone is nothing, but "Saudi Arabia" is a place: its one-word Arabic name is offered
        ForeignWords.Finding saudi = check("Saudi Arabia -football source:sana", ARABIC).orElseThrow();
        assertThat(saudi.words()).containsExactly("Arabia", "football");
        assertThat(saudi.suggestion()).hasValue("السعودية مصدر:sana");
        assertThat(parser.parse(saudi.suggestion().get()).canonical()).isEqualTo("السعودية source:sana");
        assertThat(check("United Arab Emirates", ARABIC).orElseThrow().suggestion()).hasValue("الإمارات");
    }

    @Test
    void arabicWordsNumbersAndLatinWordsWhenASourceIsInEnglishAreNotForeign() throws InvalidQueryException {
        assertThat(check("سوريا 2254", ARABIC)).isEmpty();
        assertThat(check("football", ARABIC, source("bbc", "en"))).isEmpty();
        assertThat(check("football")).as("no sources, nothing to compare with").isEmpty();
    }

    @Test
    void languagesAreNamedInTheReadersLanguage() {
        assertThat(ForeignWords.languageName("ar", "en")).isEqualTo("Arabic");
        assertThat(ForeignWords.languageName("ar", "ar")).isEqualTo("العربية");
    }
}
