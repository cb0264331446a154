package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.MatchConfig;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class QueryWordingTest {
    private final QueryParser parser = new QueryParser(new MatchConfig(50, 200, 20), List.of("sana"));

    @Test
    void anArabicReaderReadsTheArabicOperatorsAndAnEnglishReaderTheEnglishOnes() {
        String canonical = "\"جبهة النصرة\" روسيا OR موسكو -رياضة source:sana";
        assertThat(QueryWording.of(canonical, "ar")).isEqualTo("\"جبهة النصرة\" روسيا أو موسكو -رياضة مصدر:sana");
        assertThat(QueryWording.of(QueryWording.of(canonical, "ar"), "en")).isEqualTo(canonical);
    }

    @Test
    void bothFormsParseToTheSameQueryAndPhrasesAreLeftAlone() throws InvalidQueryException {
        String canonical = "\"موسكو OR دمشق\" روسيا OR موسكو source:sana";
        String arabic = QueryWording.of(canonical, "ar");
        assertThat(arabic).startsWith("\"موسكو OR دمشق\" روسيا أو موسكو");
        assertThat(parser.parse(arabic)).isEqualTo(parser.parse(canonical));
    }
}
