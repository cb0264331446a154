package dev.mojaz.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.text.Sentence;
import dev.mojaz.text.TermAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ReportAnalyzerTest {
    private final ReportAnalyzer analyzer = StoryGrouper.standardAnalyzer();

    @Test
    void numbersAreWrittenOneWay() {
        assertThat(ReportAnalyzer.canonicalNumber("5\u066B9")).isEqualTo("5.9");
        assertThat(ReportAnalyzer.canonicalNumber("1,500")).isEqualTo("1500");
        assertThat(ReportAnalyzer.canonicalNumber("1\u066C500")).isEqualTo("1500");
        assertThat(ReportAnalyzer.canonicalNumber("7.50")).isEqualTo("7.5");
        assertThat(ReportAnalyzer.canonicalNumber("2.0")).isEqualTo("2");
        assertThat(ReportAnalyzer.canonicalNumber("2,5")).isEqualTo("2.5");
        assertThat(ReportAnalyzer.canonicalNumber("ملاط")).isEqualTo("ملاط");
    }

    @Test
    void arabicIndicAndWesternDigitsGiveOneNumber() {
        assertThat(analyzer.analyze(Reports.quakeJazeera()).numbers()).contains("5.9");
        assertThat(analyzer.analyze(Reports.quakeAnadolu()).numbers()).contains("5.9", "13", "46");
    }

    @Test
    void theLeadIsTheHeadlineAndTheOpeningSentences() {
        StringBuilder text = new StringBuilder("القاهرة (رويترز) - ");
        for (int i = 1; i <= 12; i++) {
            text.append("هذه الجملة رقم ").append(100 + i).append(" من نص الخبر الطويل الذي نكتبه هنا. ");
        }
        AnalyzedReport report = analyzer.analyze(Reports.report("long", "x", Reports.QUAKE, "عنوان الخبر",
                text.toString()));
        String title = TermAnalyzer.standard().term("عنوان");
        assertThat(report.leadTerms()).containsKeys(title, "101", "106").doesNotContainKey("112");
        assertThat(report.numbers()).contains("101").doesNotContain("112");
        assertThat(report.terms()).contains("112");
        assertThat(report.sentences()).hasSize(12)
                .allSatisfy(s -> assertThat(s.sentence().role()).isEqualTo(Sentence.Role.BODY));
    }

    @Test
    void promotionLinesAreNotPartOfTheReport() {
        AnalyzedReport report = analyzer.analyze(Reports.report("promo", "sana", Reports.QUAKE, "",
                "أعلنت الوزارة اليوم افتتاح الطريق الجديد بين المدينتين بطول أربعين كيلومترا.\n"
                        + "تابعوا آخر الأخبار السياسية والميدانية عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط:"));
        List<String> sentences = report.sentences().stream().map(s -> s.sentence().text()).toList();
        assertThat(sentences).hasSize(1);
        assertThat(report.terms()).doesNotContain("تيلغرام");
    }
}
