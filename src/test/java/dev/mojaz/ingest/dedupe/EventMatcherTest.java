package dev.mojaz.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.mojaz.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class EventMatcherTest {
    private final ReportAnalyzer analyzer = StoryGrouper.standardAnalyzer();
    private final EventMatcher matcher = new EventMatcher(GroupingSettings.standard());
    private final TermStatistics statistics = new TermStatistics();

    /** The reports under test plus unrelated ones, so that the words every report uses are not rare. */
    private EventMatcherTest() {
        List<Report> corpus = new ArrayList<>(List.of(Reports.quakeAnadolu(), Reports.quakeJazeera(),
                Reports.quakeBbc(), Reports.quakeFollowUp(), Reports.goldEgypt(), Reports.goldJordan()));
        for (int i = 0; i < 30; i++) {
            corpus.add(Reports.unrelated(i, Reports.QUAKE));
        }
        for (Report report : corpus) {
            statistics.add(analyzer.analyze(report).terms());
        }
    }

    private Comparison compare(Report a, Report b) {
        return matcher.compare(analyzer.analyze(a), analyzer.analyze(b), statistics);
    }

    @Test
    void twoOutletsTellingOneEventInOtherWordsAreOneEvent() {
        Comparison comparison = compare(Reports.quakeAnadolu(), Reports.quakeJazeera());
        assertThat(comparison.sameEvent()).isTrue();
        assertThat(comparison.sameSource()).isFalse();
        assertThat(comparison.sharedNumbers()).contains("5.9", "13", "46");
        TermAnalyzer terms = TermAnalyzer.standard();
        // "ملاطية" and "5.9" are in every quake report here, so not rare; what only these two share is.
        assertThat(comparison.sharedNames()).contains(terms.term("إلازيغ"), terms.term("أديامان"), "46");
        assertThat(comparison.score()).isGreaterThanOrEqualTo(comparison.threshold());
        assertThat(comparison.hoursApart()).isEqualTo(1.25);
        assertThat(compare(Reports.quakeJazeera(), Reports.quakeAnadolu())).isEqualTo(comparison);
    }

    @Test
    void theNextDaysFollowUpIsAnotherEvent() {
        Comparison comparison = compare(Reports.quakeAnadolu(), Reports.quakeFollowUp());
        assertThat(comparison.sameEvent()).isFalse();
        assertThat(comparison.sharedNames()).isNotEmpty(); // same place, same names: time and figures decide
    }

    @Test
    void theSameTemplateWithOtherFiguresIsAnotherEvent() {
        Comparison comparison = compare(Reports.goldEgypt(), Reports.goldJordan());
        assertThat(comparison.numbersDisagree()).isTrue();
        assertThat(comparison.sameEvent()).isFalse();
    }

    @Test
    void oneOutletIsNeverTwoReportsOfOneEvent() {
        Report again = Reports.report("again", "anadolu", Reports.QUAKE.plusSeconds(3600),
                Reports.quakeJazeera().title(), Reports.quakeJazeera().text());
        Comparison comparison = compare(Reports.quakeAnadolu(), again);
        assertThat(comparison.sameSource()).isTrue();
        assertThat(comparison.sameEvent()).isFalse();
    }

    @Test
    void theScoreNeededRisesWithTheHoursApartAndStopsAtTheWindow() {
        GroupingSettings settings = GroupingSettings.standard();
        assertThat(settings.thresholdAt(6)).isGreaterThan(settings.thresholdAt(1));
        Report late = Reports.report("late", "jazeera", Reports.QUAKE.plus(settings.window()).plusSeconds(3600),
                Reports.quakeJazeera().title(), Reports.quakeJazeera().text());
        Comparison comparison = compare(Reports.quakeAnadolu(), late);
        assertThat(comparison.score()).isGreaterThan(0.2);
        assertThat(comparison.sameEvent()).isFalse();
    }

    @Test
    void figuresDisagreeWhenBothSidesHaveSpecificFiguresTheOtherLacks() {
        assertThat(EventMatcher.numbersDisagree(Set.of("3110", "3554", "2118"), Set.of("45.3", "51.2", "2118")))
                .isTrue();
        assertThat(EventMatcher.numbersDisagree(Set.of("3110", "3554", "2118"), Set.of("3110", "3554", "3080")))
                .isFalse();
        assertThat(EventMatcher.numbersDisagree(Set.of("5.9"), Set.of())).isFalse();
        // Days, hours, karats and years are not figures that tell events apart.
        assertThat(EventMatcher.numbersDisagree(Set.of("13", "2023"), Set.of("21", "2024"))).isFalse();
        assertThat(EventMatcher.isSpecific("284")).isTrue();
        assertThat(EventMatcher.isSpecific("5.9")).isTrue();
        assertThat(EventMatcher.isSpecific("46")).isFalse();
        assertThat(EventMatcher.isSpecific("2024")).isFalse();
        assertThat(EventMatcher.isSpecific("2254")).isTrue();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new GroupingSettings(Duration.ofHours(1), 0, 0, 0, 0.05, 1))
                .hasMessageContaining("bad grouping settings");
    }
}
