package dev.mojaz.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TermStatisticsTest {
    @Test
    void rarerTermsWeighMoreAndUnseenTermsWeighMost() {
        TermStatistics statistics = new TermStatistics();
        for (int i = 0; i < 40; i++) {
            statistics.add(i < 4 ? Set.of("وزير", "ملاط") : Set.of("وزير"));
        }
        assertThat(statistics.documents()).isEqualTo(40);
        assertThat(statistics.documentFrequency("ملاط")).isEqualTo(4);
        assertThat(statistics.idf("ملاط")).isGreaterThan(statistics.idf("وزير"));
        assertThat(statistics.idf("جديد")).isGreaterThan(statistics.idf("ملاط"));
        assertThat(statistics.idf("وزير")).isPositive();
    }

    @Test
    void rarenessIsAShareOfTheReportsWithAFloorOfTwo() {
        TermStatistics statistics = new TermStatistics();
        statistics.add(Set.of("a", "b"));
        statistics.add(Set.of("a", "b"));
        statistics.add(Set.of("b"));
        // Three reports: a term two of them share is as rare as a shared term can be.
        assertThat(statistics.isRare("a", 0.05)).isTrue();
        assertThat(statistics.isRare("b", 0.05)).isFalse();
        for (int i = 0; i < 97; i++) {
            statistics.add(Set.of("c"));
        }
        assertThat(statistics.isRare("b", 0.05)).isTrue(); // 3 of 100
        assertThat(statistics.isRare("c", 0.05)).isFalse();
    }

    @Test
    void pastItsLimitItForgetsTermsSeenOnce() {
        TermStatistics statistics = new TermStatistics(3);
        statistics.add(Set.of("kept", "once1"));
        statistics.add(Set.of("kept", "once2", "once3"));
        assertThat(statistics.documentFrequency("kept")).isEqualTo(2);
        assertThat(statistics.documentFrequency("once1")).isZero();
        assertThatThrownBy(() -> new TermStatistics(0)).hasMessageContaining("maxTerms");
    }
}
