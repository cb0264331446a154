package dev.mojaz.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class StoryGrouperTest {
    /** A grouper that has already seen some unrelated news, as one primed from the store would have. */
    private static StoryGrouper primed() {
        ReportAnalyzer analyzer = StoryGrouper.standardAnalyzer();
        TermStatistics statistics = new TermStatistics();
        for (int i = 0; i < 30; i++) {
            statistics.add(analyzer.analyze(Reports.unrelated(i, Reports.QUAKE)).terms());
        }
        return StoryGrouper.learning(analyzer, new EventMatcher(GroupingSettings.standard()), statistics);
    }

    @Test
    void reportsOfOneEventFromSeveralOutletsBecomeOneStoryAndTheFollowUpAnother() {
        StoryGrouper grouper = primed();
        Placement first = grouper.add(Reports.quakeAnadolu());
        assertThat(first.joined()).isFalse();
        assertThat(first.matchedWith()).isNull();

        Placement second = grouper.add(Reports.quakeJazeera());
        assertThat(second.joined()).isTrue();
        assertThat(second.story().id()).isEqualTo(first.story().id());
        assertThat(second.matchedWith()).isEqualTo(Reports.quakeAnadolu().url());
        assertThat(second.comparison().sameEvent()).isTrue();

        Placement third = grouper.add(Reports.quakeBbc());
        assertThat(third.story().id()).isEqualTo(first.story().id());
        assertThat(third.story().sources()).containsExactly("anadolu", "jazeera", "bbc");

        Placement followUp = grouper.add(Reports.quakeFollowUp());
        assertThat(followUp.joined()).isFalse();
        assertThat(followUp.story().id()).isNotEqualTo(first.story().id());
        assertThat(grouper.reportsOf(first.story().id())).hasSize(3);
    }

    @Test
    void aStoryTakesOneReportPerOutlet() {
        StoryGrouper grouper = primed();
        long story = grouper.add(Reports.quakeAnadolu()).story().id();
        Report sameOutlet = Reports.report("anadolu-2", "anadolu", Reports.QUAKE.plusSeconds(3600),
                Reports.quakeJazeera().title(), Reports.quakeJazeera().text());
        assertThat(grouper.add(sameOutlet).story().id()).isNotEqualTo(story);
    }

    @Test
    void theSameTemplateWithOtherFiguresStaysApart() {
        StoryGrouper grouper = primed();
        long egypt = grouper.add(Reports.goldEgypt()).story().id();
        assertThat(grouper.add(Reports.goldJordan()).story().id()).isNotEqualTo(egypt);
    }

    @Test
    void storiesCloseOnceTheNewestReportIsAWindowAhead() {
        StoryGrouper grouper = primed();
        grouper.add(Reports.quakeAnadolu());
        grouper.add(Reports.goldEgypt());
        assertThat(grouper.openStories()).isEqualTo(2);
        Duration window = GroupingSettings.standard().window();
        grouper.add(Reports.unrelated(99, Reports.QUAKE.plus(window).plus(Duration.ofHours(2))));
        assertThat(grouper.openStories()).isEqualTo(1);
        // A late copy of the closed story's event starts a new story: nothing of the old one is kept.
        Placement late = grouper.add(Reports.quakeJazeera());
        assertThat(late.joined()).isFalse();
    }

    @Test
    void onlyStoriesSharingARareTermAreCompared() {
        StoryGrouper grouper = primed();
        for (int i = 0; i < 20; i++) {
            grouper.add(Reports.unrelated(100 + i, Reports.QUAKE));
        }
        long before = grouper.comparisons();
        grouper.add(Reports.quakeAnadolu());
        grouper.add(Reports.quakeJazeera());
        assertThat(grouper.comparisons() - before).isEqualTo(1);
    }

    @Test
    void theSameReportsInTheSameOrderGiveTheSameStories() {
        List<Report> reports = List.of(Reports.goldEgypt(), Reports.quakeAnadolu(), Reports.goldJordan(),
                Reports.quakeJazeera(), Reports.quakeBbc(), Reports.quakeFollowUp());
        List<Long> once = new ArrayList<>();
        List<Long> twice = new ArrayList<>();
        StoryGrouper a = primed();
        StoryGrouper b = primed();
        for (Report report : reports) {
            once.add(a.add(report).story().id());
            twice.add(b.add(report).story().id());
        }
        assertThat(once).isEqualTo(twice).containsExactly(1L, 2L, 3L, 2L, 2L, 4L);
    }

    @Test
    void theGrouperNeedsSharedNamesToFindCandidates() {
        assertThatThrownBy(() -> StoryGrouper.learning(StoryGrouper.standardAnalyzer(), new EventMatcher(
                new GroupingSettings(Duration.ofHours(1), 0.2, 0, 0.5, 0.05, 0)), new TermStatistics()))
                .hasMessageContaining("minSharedNames");
    }
}
