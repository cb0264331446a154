package dev.mojaz.ingest.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.SummaryConfig;
import dev.mojaz.text.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class SummarizerTest {
    private final Summarizer summarizer = new Summarizer(new SummaryConfig(3, 600, 100));

    static Stream<String> seeds() {
        return Stream.of("000_6b2c92f6e4f8b8b5.txt", "001_cbaf4bc2a732227a.txt", "002_ac1c3e60c73cbb0f.txt",
                "003_3a0528656e2a16ca.txt", "004_625e51d79cef2ff7.txt");
    }

    static String seed(String name) throws IOException {
        try (InputStream in = SummarizerTest.class.getResourceAsStream("/dev/mojaz/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void defaultSummaryIsTwoToThreeWholeSentencesInArticleOrderWithinTheCap(String name) throws IOException {
        String text = seed(name);
        Summary summary = summarizer.summarize(null, text);
        assertThat(summary.sentences()).hasSizeBetween(2, 3);
        assertThat(summary.text().length()).isLessThanOrEqualTo(600);
        int previous = -1;
        for (String sentence : summary.sentences()) {
            int at = text.indexOf(sentence);
            assertThat(at).as("exactly as written: " + sentence).isGreaterThanOrEqualTo(0);
            assertThat(at).as("article order").isGreaterThan(previous);
            previous = at;
            assertThat(sentence).matches("(?s).*[.!؟?][»”\"]?$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void onlyBodySentencesAreEverPicked(String name) throws IOException {
        String text = seed(name);
        RankedArticle article = summarizer.rank(null, text);
        List<String> notBody = article.pieces().stream().filter(p -> !p.isBody()).map(Sentence::text).toList();
        List<String> everything = summarizer.summarize(null, text, SummaryLength.words(100_000)).sentences();
        assertThat(everything).isNotEmpty().doesNotContainAnyElementsOf(notBody);
        assertThat(everything).noneMatch(s -> s.contains("تابعوا") || s.contains("اترك تعليق")
                || s.contains("زر الذهاب") || s.contains("انظر ايضاً") || s.startsWith("موسكو-"));
        assertThat(everything).allMatch(s -> s.split("\\s+").length >= 5);
    }

    @Test
    void sentencesOptionGivesThatManyWhenTheArticleHasThem() throws IOException {
        String text = seed("001_cbaf4bc2a732227a.txt");
        assertThat(summarizer.summarize(null, text, SummaryLength.sentences(1)).sentences()).hasSize(1);
        assertThat(summarizer.summarize(null, text, SummaryLength.sentences(5)).sentences()).hasSize(5);
        int body = summarizer.rank(null, text).ranked().size();
        assertThat(summarizer.summarize(null, text, SummaryLength.sentences(500)).sentences()).hasSize(body);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 60, 100, 250})
    void wordsTakesSentencesInRankOrderUntilTheTargetIsReached(int words) throws IOException {
        String text = seed("002_ac1c3e60c73cbb0f.txt");
        List<Sentence> ranked = summarizer.rank(null, text).ranked();
        int total = 0;
        int taken = 0;
        while (total < words) {
            total += ranked.get(taken++).words();
        }
        List<String> expected = ranked.subList(0, taken).stream()
                .sorted(java.util.Comparator.comparingInt(Sentence::start)).map(Sentence::text).toList();
        Summary summary = summarizer.summarize(null, text, SummaryLength.words(words));
        assertThat(summary.sentences()).containsExactlyElementsOf(expected);
    }

    @Test
    void theFirstPickIsKeptEvenWhenItIsLongerThanTheCap() throws IOException {
        Summary summary = summarizer.summarize(null, seed("000_6b2c92f6e4f8b8b5.txt"),
                SummaryLength.sentences(3).capped(100));
        assertThat(summary.sentences()).hasSize(1);
        assertThat(summary.text().length()).isGreaterThan(100);
    }

    @Test
    void nearIdenticalSentencesAreNeverBothPicked() {
        String repeated = "أعلنت وزارة الصحة تسجيل مئة إصابة جديدة بالفيروس في العاصمة اليوم.";
        String nearCopy = "وأعلنت وزارة الصحة تسجيل مئة إصابة جديدة بالفيروس في العاصمة اليوم الأحد.";
        String text = repeated + "\n\n" + "وقال الوزير إن المستشفيات قادرة على استيعاب المرضى في كل المحافظات.\n\n"
                + nearCopy + "\n\n" + repeated + "\n\n"
                + "وأضاف أن حملة التطعيم ستبدأ الأسبوع المقبل في المدارس والجامعات.";
        List<String> all = summarizer.summarize(null, text, SummaryLength.words(100_000)).sentences();
        assertThat(all).containsOnlyOnce(repeated).doesNotContain(nearCopy).hasSize(3);
    }

    @Test
    void aLeadingHeadingIsTakenAsTheTitle() throws IOException {
        assertThat(summarizer.rank(null, seed("004_625e51d79cef2ff7.txt")).title())
                .isEqualTo("لافروف يأسف لوقف الأوروبيين التعاون مع روسيا لمكافحة الإرهاب");
        assertThat(summarizer.rank("عنوان آخر", seed("004_625e51d79cef2ff7.txt")).title()).isEqualTo("عنوان آخر");
        assertThat(summarizer.rank(null, seed("000_6b2c92f6e4f8b8b5.txt")).title())
                .as("a dateline is not a title").isEmpty();
    }

    @Test
    void equalInputsHitTheCache() throws IOException {
        String text = seed("003_3a0528656e2a16ca.txt");
        Summary first = summarizer.summarize("عنوان", text);
        assertThat(summarizer.summarize("عنوان", new String(text.toCharArray()))).isSameAs(first);
        assertThat(summarizer.cachedSummaries()).isEqualTo(1);
        summarizer.summarize("عنوان آخر", text);
        summarizer.summarize("عنوان", text, SummaryLength.words(40));
        assertThat(summarizer.cachedSummaries()).isEqualTo(3);
        Summarizer uncached = new Summarizer(new SummaryConfig(3, 600, 0));
        assertThat(uncached.summarize(null, text)).isEqualTo(first).isNotSameAs(uncached.summarize(null, text));
        assertThat(uncached.cachedSummaries()).isZero();
    }

    // ---- bad input: a sensible result, never a crash ----------------------------------------------------------------

    @Test
    void emptyTextGivesAnEmptySummary() {
        assertThat(summarizer.summarize(null, "").isEmpty()).isTrue();
        assertThat(summarizer.summarize(null, "  \n\n ").isEmpty()).isTrue();
        assertThat(summarizer.summarize(null, null).isEmpty()).isTrue();
    }

    @Test
    void oneSentenceIsItsOwnSummary() {
        String text = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.";
        assertThat(summarizer.summarize(null, text).sentences()).containsExactly(text);
        assertThat(summarizer.summarize(null, text, SummaryLength.words(500)).sentences()).containsExactly(text);
    }

    @Test
    void textWithoutArabicIsSummarisedToo() {
        String text = "The ministry announced a new plan to support farmers in the northern provinces. "
                + "Officials said the plan would cost two billion dollars over five years. "
                + "Farmers' unions welcomed the announcement but asked for faster payments. "
                + "The plan will be debated in parliament next week.";
        List<String> sentences = summarizer.summarize(null, text).sentences();
        assertThat(sentences).hasSize(3).allMatch(text::contains);
        assertThat(sentences.get(0)).startsWith("The ministry announced");
    }

    @Test
    void onlyBoilerplateHeadingsAndFragmentsGiveAnEmptySummary() {
        String text = "عنوان الخبر\n\nتابعونا على تيلغرام\n\nاترك تعليقاً\n\nزر الذهاب إلى الأعلى\n\nشكرا لكم.";
        assertThat(summarizer.summarize(null, text).isEmpty()).isTrue();
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void fiveMegabytesOfTextAreSummarisedFromTheirBeginning() {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (text.length() < 5_000_000) {
            text.append(distinctSentence(i++)).append('\n');
        }
        Summary summary = summarizer.summarize(null, text.toString());
        assertThat(summary.sentences()).hasSize(3);
        assertThat(summary.sentences().get(0)).isEqualTo(distinctSentence(0));
    }

    /** A sentence that shares few terms with the others (the generated words differ), so none is a near-duplicate. */
    static String distinctSentence(int i) {
        return "وقال المسؤول إن مشروع k" + i + "a يشمل k" + i + "b و k" + i + "c في k" + i + "d هذا العام.";
    }

    @Test
    void undecodableCharactersDoNotBreakIt() {
        String text = "\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD. " + "أعلنت الحكومة اليوم عن خطة جديدة\uFFFD لدعم المزارعين.";
        assertThat(summarizer.summarize(null, text).sentences())
                .containsExactly("أعلنت الحكومة اليوم عن خطة جديدة\uFFFD لدعم المزارعين.");
        assertThat(summarizer.summarize(null, "\uFFFD".repeat(10_000)).isEmpty()).isTrue();
    }
}
