package dev.mojaz.ingest.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.text.BoilerplateFilter;
import dev.mojaz.text.Sentence;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SentenceRankerTest {
    private final SentenceSplitter splitter = new SentenceSplitter(BoilerplateFilter.standard());
    private final TermAnalyzer terms = TermAnalyzer.standard();

    private List<String> rank(SentenceRanker ranker, String title, String... sentences) {
        List<Sentence> body = splitter.bodySentences(String.join("\n\n", sentences));
        assertThat(body).hasSize(sentences.length);
        return ranker.rank(body, title).stream().map(Sentence::text).toList();
    }

    private static final String A = "افتتح رئيس الوزراء اليوم مستشفى جديدا للأطفال في مدينة حلب الشمالية.";
    private static final String B = "وتبلغ سعة المستشفى الجديد مئتي سرير مجهزة بأحدث الأجهزة الطبية الحديثة.";
    private static final String C = "وسيعمل في المستشفى الجديد ثلاثمئة طبيب وممرض من أبناء مدينة حلب.";
    private static final String D = "في سياق منفصل، فاز فريق الكرة المحلي بالمباراة النهائية للبطولة أمس.";
    private static final String E = "وأكد الوزير أن مستشفى الأطفال الجديد في حلب سيخدم مئات آلاف المرضى سنويا.";

    @Test
    void theLeadComesFirst() {
        SentenceRanker ranker = new SentenceRanker(terms);
        assertThat(rank(ranker, null, A, B, C, D, E).get(0)).isEqualTo(A);
    }

    @Test
    void everyBodySentenceIsRankedOnceUnlessItDuplicatesABetterOne() {
        SentenceRanker ranker = new SentenceRanker(terms);
        assertThat(rank(ranker, null, A, B, C, D, E)).containsExactlyInAnyOrder(A, B, C, D, E);
        assertThat(rank(ranker, null, A, B, A, C)).containsExactly(A, B, C);
    }

    @Test
    void withPositionAloneTheOrderIsTheArticleOrder() {
        SentenceRanker positionOnly = new SentenceRanker(terms, new SentenceRanker.Weights(1, 1, 0, 0, 0, 1));
        assertThat(rank(positionOnly, null, A, B, C, D, E)).containsExactly(A, B, C, D, E);
    }

    @Test
    void centralityLiftsALaterSentenceAboutWhatTheArticleIsAbout() {
        // Position barely decays; centrality decides: the off-topic football sentence falls to the end.
        SentenceRanker central = new SentenceRanker(terms, new SentenceRanker.Weights(1, 0.05, 1, 0, 0, 1));
        List<String> order = rank(central, null, A, D, B, C, E);
        assertThat(order.get(order.size() - 1)).isEqualTo(D);
    }

    @Test
    void redundancyPrefersASentenceThatAddsSomething() {
        // R says most of what A says (opened, prime minister, children's hospital, Aleppo), in other words: without
        // redundancy it is second; with redundancy the second pick is a sentence that adds something.
        String r = "وافتتح رئيس الوزراء مستشفى الأطفال الجديد في حلب بحضور مسؤولين محليين.";
        SentenceRanker noRedundancy = new SentenceRanker(terms, new SentenceRanker.Weights(1, 1, 0, 0, 0, 1));
        SentenceRanker redundancy = new SentenceRanker(terms, new SentenceRanker.Weights(1, 1, 0, 0, 2, 1));
        assertThat(rank(noRedundancy, null, A, r, B, D)).containsExactly(A, r, B, D);
        assertThat(rank(redundancy, null, A, r, B, D)).containsExactly(A, B, D, r);
    }

    @Test
    void aHeadlineLiftsTheSentencesThatShareItsTerms() {
        SentenceRanker titled = new SentenceRanker(terms, new SentenceRanker.Weights(1, 0.05, 0, 1, 0, 1));
        String title = "فريق الكرة المحلي يفوز بالبطولة في المباراة النهائية";
        assertThat(rank(titled, title, A, B, C, D, E).get(0)).isEqualTo(D);
        assertThat(rank(titled, "حلب", A, B, C, D, E).get(0)).as("a bare name is not a headline").isEqualTo(A);
    }

    @Test
    void emptyAndSingleInputs() {
        SentenceRanker ranker = new SentenceRanker(terms);
        assertThat(ranker.rank(List.of(), null)).isEmpty();
        assertThat(rank(ranker, "", A)).containsExactly(A);
    }

    @Test
    void onlyTheFirstCandidatesCompete() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SentenceRanker.MAX_CANDIDATES + 50; i++) {
            text.append(SummarizerTest.distinctSentence(i)).append('\n');
        }
        List<Sentence> body = splitter.bodySentences(text.toString());
        assertThat(new SentenceRanker(terms).rank(body, null)).hasSize(SentenceRanker.MAX_CANDIDATES);
    }

    @Test
    void weightsAreChecked() {
        assertThatThrownBy(() -> new SentenceRanker.Weights(-1, 1, 0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SentenceRanker.Weights(1, 1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
