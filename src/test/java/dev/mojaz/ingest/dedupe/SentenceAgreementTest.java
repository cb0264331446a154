package dev.mojaz.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SentenceAgreementTest {
    private final ReportAnalyzer analyzer = StoryGrouper.standardAnalyzer();
    private final TermStatistics statistics = new TermStatistics();

    private AnalyzedReport counted(Report report) {
        AnalyzedReport analyzed = analyzer.analyze(report);
        statistics.add(analyzed.terms());
        return analyzed;
    }

    @Test
    void rewordedSentencesWithTheSameNamesAgreeAndOthersDoNot() {
        for (int i = 0; i < 20; i++) {
            counted(Reports.unrelated(i, Reports.QUAKE));
        }
        AnalyzedReport anadolu = counted(Reports.quakeAnadolu());
        AnalyzedReport jazeera = counted(Reports.quakeJazeera());
        List<SentenceAgreement.AgreedSentence> agreed = SentenceAgreement.between(anadolu, jazeera, statistics);
        assertThat(agreed).isNotEmpty();
        assertThat(agreed).allSatisfy(a -> assertThat(a.similarity()).isGreaterThanOrEqualTo(
                SentenceAgreement.MIN_SIMILARITY));
        assertThat(agreed).anySatisfy(a -> {
            assertThat(a.first().text()).contains("إلازيغ");
            assertThat(a.second().text()).contains("إلازيغ");
        });
        // One sentence agrees with at most one of the other report.
        assertThat(agreed.stream().map(a -> a.second().start()).distinct()).hasSameSizeAs(agreed);

        AnalyzedReport gold = counted(Reports.goldEgypt());
        assertThat(SentenceAgreement.between(anadolu, gold, statistics)).isEmpty();
    }

    @Test
    void supportCountsTheReportsThatAgreeWithEachSentence() {
        for (int i = 0; i < 20; i++) {
            counted(Reports.unrelated(i, Reports.QUAKE));
        }
        AnalyzedReport anadolu = counted(Reports.quakeAnadolu());
        AnalyzedReport jazeera = counted(Reports.quakeJazeera());
        AnalyzedReport bbc = counted(Reports.quakeBbc());
        List<SentenceAgreement.Support> support = SentenceAgreement.support(anadolu, List.of(anadolu, jazeera, bbc),
                statistics);
        assertThat(support).hasSize(anadolu.sentences().size());
        assertThat(support).allSatisfy(s -> assertThat(s.reports()).isBetween(0, 2));
        assertThat(support.stream().mapToInt(SentenceAgreement.Support::reports).max().orElse(0)).isPositive();
    }
}
