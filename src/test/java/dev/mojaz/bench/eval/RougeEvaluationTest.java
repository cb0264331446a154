package dev.mojaz.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class RougeEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void protocolTokensFoldHamzaAndDiacriticsAndSplitOnPunctuation() {
        assertThat(RougeTokenizer.tokens("أحمدُ، ذهبَ إلى المدرسةِ؛ ثمّ عاد (سريعاً) في 2.5 ساعة؟"))
                .containsExactly("احمد", "ذهب", "الي", "المدرسه", "ثم", "عاد", "سريعا", "في", "2", "5", "ساعه");
        assertThat(RougeTokenizer.tokens("تسـعة آلاف ٱلكتاب")).containsExactly("تسعه", "الاف", "الكتاب");
        assertThat(RougeTokenizer.tokens("Mixed TEXT_x")).containsExactly("Mixed", "TEXT_x");
        assertThat(RougeTokenizer.tokens(" ... ")).isEmpty();
    }

    @Test
    void protocolSentencesSplitAtFinalPunctuationBeforeASpaceAndAtLineBreaks() {
        assertThat(ProtocolSplitter.split("جملة أولى هنا. جملة ثانية هنا؟ نعم\nسطر آخر من النص.التصاق لا يقسم هنا"))
                .containsExactly("جملة أولى هنا.", "جملة ثانية هنا؟", "سطر آخر من النص.التصاق لا يقسم هنا");
    }

    @Test
    void budgetIsTheRoundedMeanReferenceLength() {
        // references of 3, 4, 4, 5, 5 tokens: mean 4.2, budget 4
        EascArticle article = new EascArticle("T", "", "", "x", List.of("a b c", "a b c d", "a b c d", "a b c d e",
                "a b c d e"));
        assertThat(RougeEvaluation.budget(article)).isEqualTo(4);
    }

    @Test
    void sentencesAreTakenInOrderUntilTheBudgetThenShownInArticleOrder() {
        List<RougeEvaluation.Candidate> ranked = List.of(new RougeEvaluation.Candidate("c1 c2 c3", 2),
                new RougeEvaluation.Candidate("a1 a2", 0), new RougeEvaluation.Candidate("b1 b2 b3", 1));
        // budget 4: "c1 c2 c3" (3 < 4) then "a1 a2" (5 ≥ 4): stop; article order puts a before c
        assertThat(RougeEvaluation.summaryTokens(ranked, 4)).containsExactly("a1", "a2", "c1", "c2", "c3");
        assertThat(RougeEvaluation.summaryTokens(ranked, 3)).containsExactly("c1", "c2", "c3");
        assertThat(RougeEvaluation.summaryTokens(ranked, 0)).isEmpty();
    }

    @Test
    void leadOnAnArticleWhoseReferencesAreItsFirstSentenceScoresOne() {
        EascArticle article = new EascArticle("T1", "Wikipedia", "", "الجملة الأولى في المقال. الجملة الثانية هنا.",
                List.of("الجملة الاولي في المقال.", "الجملة الأولى في المقال."));
        RougeEvaluation.Result lead = RougeEvaluation.evaluate("Lead", List.of(article), RougeEvaluation.LEAD);
        assertThat(lead.rouge1()).isCloseTo(100, within(1e-9));
        assertThat(lead.rouge2()).isCloseTo(100, within(1e-9));
        assertThat(lead.rougeL()).isCloseTo(100, within(1e-9));
        assertThat(lead.lengthRatio()).isCloseTo(1, within(1e-9));
    }

    @Test
    void scoresAreAveragedOverReferencesThenArticles() {
        // Article 1: summary "a b" (budget: refs of 2 and 2 tokens → 2). Against "a b": F1 = 1; against "a c": 1/2.
        // Mean over references: R1 = 0.75. Article 2: summary "x y", reference "x y": 1. Mean over articles 0.875.
        EascArticle one = new EascArticle("1", "", "", "a b. c d.", List.of("a b", "a c"));
        EascArticle two = new EascArticle("2", "", "", "x y. z w.", List.of("x y"));
        RougeEvaluation.SentenceOrder firstOnly = article -> List.of(
                new RougeEvaluation.Candidate(article.article().substring(0, 4), 0));
        RougeEvaluation.Result result = RougeEvaluation.evaluate("first", List.of(one, two), firstOnly);
        assertThat(result.rouge1()).isCloseTo(87.5, within(1e-9));
        // R2: article 1 refs "a b" → 1, "a c" → 0; mean 0.5; article 2 → 1; overall 0.75
        assertThat(result.rouge2()).isCloseTo(75, within(1e-9));
        assertThat(result.articles()).isEqualTo(2);
        RougeEvaluation.Result half = RougeEvaluation.evaluate("first", List.of(one, two), firstOnly,
                a -> a.topic().equals("2"), false);
        assertThat(half.rouge1()).isCloseTo(100, within(1e-9));
        assertThat(half.articles()).isEqualTo(1);
    }

    @Test
    void theEqualLengthDiagnosticCutsTheLastSentenceAtTheBudget() {
        // budget 2 (reference "a b"); the picked sentence "a b c d" is cut to "a b": F1 = 1 instead of 2/3
        EascArticle article = new EascArticle("1", "", "", "a b c d.", List.of("a b"));
        RougeEvaluation.Result whole = RougeEvaluation.evaluate("s", List.of(article), RougeEvaluation.LEAD,
                a -> true, false);
        RougeEvaluation.Result cut = RougeEvaluation.evaluate("s", List.of(article), RougeEvaluation.LEAD,
                a -> true, true);
        assertThat(whole.rouge1()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(whole.lengthRatio()).isCloseTo(2, within(1e-9));
        assertThat(cut.rouge1()).isCloseTo(100, within(1e-9));
        assertThat(cut.lengthRatio()).isCloseTo(1, within(1e-9));
    }

    @Test
    void readsTheDatasetFormat() throws IOException {
        Path file = dir.resolve("d.jsonl");
        Files.writeString(file, """
                {"topic": "Topic1", "source": "Wikipedia", "url": "http://ar.wikipedia.org/wiki/%D8%A7%D9%84%D8%B4%D9%85%D8%B3", "article": "نص.", "refs": {"A": "نص", "B": "نص."}}

                {"topic": "Topic2", "source": "Alwatan Newspaper", "url": "", "article": "نص آخر.", "refs": ["آخر"]}
                """);
        List<EascArticle> articles = EascDataset.read(file);
        assertThat(articles).extracting(EascArticle::topic).containsExactly("Topic1", "Topic2");
        assertThat(articles.get(0).references()).containsExactly("نص", "نص.");
        assertThat(articles.get(0).title()).isEqualTo("الشمس");
        assertThat(articles.get(1).title()).isNull();
    }

    @Test
    void aMalformedRecordIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"topic\": \"T\", \"article\": \"x\", \"refs\": [\"x\"]}\n{\"topic\": \"T2\"}\n");
        assertThatThrownBy(() -> EascDataset.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.jsonl:2: not an EASC record");
        Files.writeString(file, "not json\n");
        assertThatThrownBy(() -> EascDataset.read(file)).hasMessageContaining("bad.jsonl:1: not an EASC record");
    }
}
