package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.match.MonitorMatchEngine;
import dev.mojaz.config.MatchConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The table of what must and must not match ({@code match-cases.csv}): Arabic clitics and suffixes, spelling
 * variants, phrases, operators, sources, English, and look-alikes that must not match. Each case is decided by
 * the alerting engine's one-off path (as the {@code match} command does) and, as a cross-check of the analysis and
 * the query translation, by Lucene Monitor.
 */
@Tag("fast")
class MatchCasesTest {
    private static final QueryParser PARSER =
            new QueryParser(new MatchConfig(50, 200, 20), List.of("sana", "bbc-arabic", "rt-arabic"));

    @ParameterizedTest(name = "{0} ⟵ {2} [{3}]: {4} ({5})")
    @CsvFileSource(resources = "match-cases.csv", delimiter = '|', quoteCharacter = '`', numLinesToSkip = 1)
    void decidesAsTheTableSays(String query, String title, String text, String source, String expected, String why)
            throws InvalidQueryException, IOException {
        assertThat(expected).isIn("match", "no match");
        Query parsed = PARSER.parse(query);
        boolean matches = MatchEngine.matches(parsed, orEmpty(title), text, source);
        assertThat(matches).as(why).isEqualTo(expected.equals("match"));

        try (MonitorMatchEngine monitor = new MonitorMatchEngine(MonitorMatchEngine.PresearcherKind.TERM)) {
            monitor.putAll(List.of(SubscriptionQuery.of(1, 1, parsed)));
            assertThat(monitor.match(orEmpty(title), text, source).isEmpty()).as("Lucene Monitor: " + why)
                    .isEqualTo(!matches);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
