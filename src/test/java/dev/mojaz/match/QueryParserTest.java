package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.config.MatchConfig;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class QueryParserTest {
    private static final MatchConfig LIMITS = new MatchConfig(50, 200, 20);
    private final QueryParser parser = new QueryParser(LIMITS, List.of("sana", "bbc-arabic", "rt-arabic"));

    private Query parse(String text) throws InvalidQueryException {
        return parser.parse(text);
    }

    private InvalidQueryException error(String text) {
        try {
            parser.parse(text);
        } catch (InvalidQueryException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }

    @Test
    void wordsAreRequiredTogether() throws InvalidQueryException {
        Query query = parse("سوريا  داعش");
        assertThat(query.required()).hasSize(2);
        assertThat(query.required().get(0).terms().get(0).text()).isEqualTo("سوريا");
        assertThat(query.required().get(0).terms().get(0).words()).containsExactly("سوري");
        assertThat(query.excluded()).isEmpty();
        assertThat(query.sources()).isEmpty();
    }

    @Test
    void quotesMakePhrasesInEveryCommonStyle() throws InvalidQueryException {
        for (String text : List.of("\"جبهة النصرة\"", "«جبهة النصرة»", "»جبهة النصرة«", "“جبهة النصرة”",
                "”جبهة النصرة“", "„جبهة   النصرة“")) {
            Query query = parse(text);
            QueryTerm term = query.required().get(0).terms().get(0);
            assertThat(term.text()).as(text).isEqualTo("جبهة النصرة");
            assertThat(term.words()).as(text).containsExactly("جبهه", "النصره");
            assertThat(term.isPhrase()).isTrue();
        }
    }

    @Test
    void punctuationInsideAWordMakesAPhrase() throws InvalidQueryException {
        QueryTerm term = parse("al-Qaeda").required().get(0).terms().get(0);
        assertThat(term.words()).containsExactly("al", "qaeda");
        assertThat(term.display()).isEqualTo("al-Qaeda");
    }

    @Test
    void orBindsNeighboursInEitherLanguage() throws InvalidQueryException {
        for (String or : List.of("OR", "or", "أو", "او", "|")) {
            Query query = parse("روسيا " + or + " موسكو سوريا");
            assertThat(query.required()).as(or).hasSize(2);
            assertThat(query.required().get(0).terms()).extracting(QueryTerm::text).containsExactly("روسيا", "موسكو");
            assertThat(query.required().get(1).terms()).extracting(QueryTerm::text).containsExactly("سوريا");
        }
        assertThat(parse("a1 OR b2 OR c3").required().get(0).terms()).hasSize(3);
    }

    @Test
    void explicitAndIsAccepted() throws InvalidQueryException {
        assertThat(parse("روسيا و سوريا").key()).isEqualTo(parse("روسيا سوريا").key());
        assertThat(parse("Russia AND Syria").key()).isEqualTo(parse("Russia Syria").key());
    }

    @Test
    void minusExcludesWordsAndPhrases() throws InvalidQueryException {
        Query query = parse("سوريا -رياضة -\"كرة القدم\" −مباراة");
        assertThat(query.excluded()).extracting(QueryTerm::text).containsExactly("رياضة", "كرة القدم", "مباراة");
    }

    @Test
    void sourcesRestrictInEitherLanguageAndAddUp() throws InvalidQueryException {
        Query query = parse("سوريا source:SANA مصدر:bbc-arabic,rt-arabic");
        assertThat(query.sources()).containsExactly("bbc-arabic", "rt-arabic", "sana");
        assertThat(query.allowsSource("sana")).isTrue();
        assertThat(query.allowsSource("aljazeera")).isFalse();
        assertThat(query.allowsSource(null)).isFalse();
        assertThat(parse("سوريا").allowsSource(null)).isTrue();
    }

    @Test
    void anyWellFormedSourceIsAcceptedWhenNoneAreKnown() throws InvalidQueryException {
        QueryParser open = new QueryParser(LIMITS, List.of());
        assertThat(open.parse("x1 source:my-feed").sources()).containsExactly("my-feed");
        assertThatThrownBy(() -> open.parse("x1 source:a/b")).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void invisibleFormattingCharactersAreIgnored() throws InvalidQueryException {
        assertThat(parse("\u200Fسوريا\u200E -\u200Fرياضة").canonical()).isEqualTo("سوريا -رياضة");
    }

    @ParameterizedTest
    @ValueSource(strings = {"سوريا", "\"جبهة النصرة\" داعش", "روسيا OR موسكو OR \"الكرملين الروسي\" سوريا",
            "سوريا -رياضة -\"كرة القدم\"", "داعش source:bbc-arabic,sana", "\"-x1\" y2",
            "\"source:sana\" x1", "Russia's \"U.S. army\"", "«قال \"لا\"» x1"})
    void canonicalFormParsesBackToAnEqualQuery(String text) throws InvalidQueryException {
        Query query = parse(text);
        assertThat(parse(query.canonical())).isEqualTo(query);
    }

    @Test
    void canonicalFormUnifiesSyntaxButKeepsThePersonsWords() throws InvalidQueryException {
        assertThat(parse("  «جبهة   النصرة»  روسيا أو موسكو   −رياضة مصدر:SANA ").canonical())
                .isEqualTo("\"جبهة النصرة\" روسيا OR موسكو -رياضة source:sana");
    }

    @Test
    void keyIgnoresOrderRepetitionAndSpellingVariants() throws InvalidQueryException {
        assertThat(parse("سوريا روسيا").key()).isEqualTo(parse("روسيا سورية").key());
        assertThat(parse("سوريا سوريا").key()).isEqualTo(parse("سوريا").key());
        assertThat(parse("موسكو OR روسيا").key()).isEqualTo(parse("روسيا أو موسكو").key());
        assertThat(parse("-رياضة داعش").key()).isEqualTo(parse("داعش -رياضه").key());
        assertThat(parse("سوريا").key()).isNotEqualTo(parse("سوريا source:sana").key());
        assertThat(parse("\"جبهة النصرة\"").key()).isNotEqualTo(parse("جبهة النصرة").key());
    }

    @Test
    void repeatedTermsAreKeptOnce() throws InvalidQueryException {
        Query query = parse("سوريا سورية روسيا OR روسيا -رياضة -رياضة");
        assertThat(query.canonical()).isEqualTo("سوريا روسيا -رياضة");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``|query.empty",
            "`   `|query.empty",
            "source:sana|query.empty",
            "\"جبهة النصرة|query.unclosed-quote",
            "«جبهة النصرة|query.unclosed-quote",
            "x1 \"\"|query.empty-phrase",
            "OR سوريا|query.dangling-or",
            "سوريا OR|query.dangling-or",
            "سوريا OR OR روسيا|query.dangling-or",
            "سوريا OR و روسيا|query.dangling-or",
            "سوريا -رياضة OR كرة|query.or-with-exclusion",
            "سوريا OR -رياضة|query.or-with-exclusion",
            "سوريا - رياضة|query.dangling-minus",
            "سوريا -|query.dangling-minus",
            "-رياضة -كرة|query.only-exclusions",
            "(روسيا OR موسكو) سوريا|query.parentheses",
            "سوريا(|query.parentheses",
            "!!! سوريا|query.no-letters",
            "ب سوريا|query.too-short",
            "على|query.too-common",
            "the|query.too-common",
            "سوريا -في|query.too-common",
            "\"في من\"|query.too-common",
            "سوريا -سورية|query.contradiction",
            "سوريا source:|query.source-empty",
            "سوريا source:nowhere|query.source-unknown",
            "سوريا -source:sana|query.source-excluded",
            "سوريا OR source:sana|query.source-in-or",
    })
    void refusesWithAKeyThatSaysWhy(String text, String key) {
        assertThat(error(text).key().key()).isEqualTo(key);
    }

    @Test
    void limitsComeFromTheConfiguration() {
        QueryParser strict = new QueryParser(new MatchConfig(50, 20, 3), List.of());
        InvalidQueryException tooLong = catchError(strict, "سوريا روسيا لبنان الأردن مصر");
        assertThat(tooLong.key()).isEqualTo(Msg.QUERY_TOO_LONG);
        assertThat(tooLong.arguments()).containsExactly(28, 20);
        InvalidQueryException tooMany = catchError(strict, "a1 b2 c3 -d4");
        assertThat(tooMany.key()).isEqualTo(Msg.QUERY_TOO_MANY_TERMS);
        assertThat(tooMany.arguments()).containsExactly(4, 3);
    }

    @Test
    void messagesComeInArabicAndEnglish() {
        InvalidQueryException e = error("سوريا source:nowhere");
        assertThat(e.getMessage()).isEqualTo("There is no source “nowhere”. Sources: bbc-arabic, rt-arabic, sana");
        assertThat(e.message(Language.EN)).isEqualTo(e.getMessage());
        assertThat(e.message(Language.AR))
                .isEqualTo("لا يوجد مصدر بالمعرّف «nowhere». المصادر المتاحة: bbc-arabic, rt-arabic, sana");
    }

    @Test
    void numbersInArabicMessagesAgreeWithTheirNounsAndAreWrittenAsInEveryOtherTextOfTheBot() {
        // ICU's plural forms («17 حرفاً», «10 أحرف»); digits as in every other text of the bot (CLDR's default for ar)
        InvalidQueryException e = catchError(new QueryParser(new MatchConfig(50, 10, 20), List.of()),
                "سوريا روسيا لبنان");
        assertThat(e.message(Language.AR)).contains("فيه 17 حرفاً، والحد الأقصى 10 أحرف");
        assertThat(e.getMessage()).contains("17 characters, at most 10");
    }

    @Test
    void theSubscriptionLimitHasItsMessageToo() {
        InvalidQueryException e = InvalidQueryException.tooManySubscriptions(50);
        assertThat(e.getMessage()).isEqualTo(
                "You already have 50 subscriptions, the most allowed: remove one before adding another.");
        assertThat(e.message(Language.AR)).startsWith("لديك 50 اشتراكاً");
    }

    @Test
    void everyQueryMessageRendersInBothLanguages() {
        for (Msg key : Msg.values()) {
            if (!key.key().startsWith("query.")) {
                continue;
            }
            for (Language language : Language.values()) {
                // numbers where the message counts (its plural forms take only numbers), words elsewhere
                Object[] arguments = Texts.standard().raw(language, key.key()).contains("plural")
                        || key == Msg.QUERY_TOO_MANY_TERMS ? new Object[] {3, 4} : new Object[] {"x", "y"};
                assertThat(new InvalidQueryException(key, arguments).message(language))
                        .as(key + " in " + language).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void regularExpressionSyntaxIsJustPunctuation() throws InvalidQueryException {
        Query query = parse("\"aa.*bb\" x1");
        assertThat(query.required().get(0).terms().get(0).words()).containsExactly("aa", "bb");
        assertThat(MatchEngine.matches(query, "", "aaxxbb x1", null)).isFalse();
        assertThat(MatchEngine.matches(query, "", "aa bb x1", null)).isTrue();
        assertThat(error(".* x1").key()).isEqualTo(Msg.QUERY_NO_LETTERS);
    }

    private static InvalidQueryException catchError(QueryParser parser, String text) {
        try {
            parser.parse(text);
        } catch (InvalidQueryException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }
}
