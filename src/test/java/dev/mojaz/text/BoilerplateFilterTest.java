package dev.mojaz.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class BoilerplateFilterTest {
    private final BoilerplateFilter filter = BoilerplateFilter.standard();

    static String seed(String name) throws IOException {
        try (InputStream in = BoilerplateFilterTest.class.getResourceAsStream("/dev/mojaz/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> nonBlankLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Each seed as it came from its site: the article body is its first {@code bodyLines} non-blank lines (from
     * {@code first} to {@code last}); every line after them is promotion or a teaser, listed here as written.
     */
    static Stream<Arguments> seeds() {
        return Stream.of(
                arguments("000_6b2c92f6e4f8b8b5.txt", 28, "موسكو-أستانا-سانا",
                        "وتشارك روسيا الاتحادية منذ أيلول عام 2015 بالحرب على الإرهاب", List.of(
                                "تابعوا آخر الأخبار السياسية والميدانيـة عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط:",
                                "https://telegram.me/SyrianArabNewsAgency",
                                "تابعونا عبر تطبيق واتس أب :",
                                "عبر إرسال كلمة اشتراك على الرقم / 0940777186/ بعد تخزينه باسم سانا أو (SANA).",
                                "تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:")),
                arguments("001_cbaf4bc2a732227a.txt", 40, "موسكو: واشنطن تزود “داعش” بإحداثيات دقيقة",
                        "وطالب بورتنيكوف بإنشاء قاعدة معلومات عالمية موحدة لمكافحة الإرهاب", List.of(
                                "تابعوا آخر الأخبار السياسية والميدانيـة عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط :",
                                "https://telegram.me/SyrianArabNewsAgency",
                                "تابعونا عبر تطبيق واتس أب :",
                                "عبر إرسال كلمة اشتراك على الرقم / 0940777186/ بعد تخزينه باسم سانا أو (SANA).",
                                "تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:",
                                "http://vk.com/syrianarabnewsagency",
                                "انظر ايضاً",
                                "الدفاع الروسية: إسقاط أكثر من 100 مسيرة أوكرانية",
                                "موسكو-سانا أعلنت وزارة الدفاع الروسية اليوم أن الجيش الروسي يواصل تقدمه في عمق "
                                        + "الدفاعات الأوكرانية …")),
                arguments("002_ac1c3e60c73cbb0f.txt", 29,
                        "موسكو تدعو واشنطن لسحب قواتها المتمركزة بشكل غير شرعي في سورية",
                        "وردّت وحدات من الجيش أول أمس بضربات نارية مركزة", List.of(
                                "اترك تعليقاً",
                                "زر الذهاب إلى الأعلى")),
                arguments("003_3a0528656e2a16ca.txt", 17, "دعم واشنطن لداعش",
                        "وأصبحت العلاقة الوثيقة بين تنظيم داعش الارهابي والولايات المتحدة", List.of()),
                arguments("004_625e51d79cef2ff7.txt", 21,
                        "لافروف يأسف لوقف الأوروبيين التعاون مع روسيا لمكافحة الإرهاب",
                        "وفي ريف حماه، سيطر الجيش على مناطق المداجن والبرج", List.of(
                                "اترك تعليقاً",
                                "زر الذهاب إلى الأعلى")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void keepsEveryBodyLineAndNoPromotionOrTeaser(String name, int bodyLines, String first, String last,
                                                  List<String> promotion) throws IOException {
        List<String> lines = nonBlankLines(seed(name));
        assertThat(lines.subList(bodyLines, lines.size())).as("the seed's tail").isEqualTo(promotion);
        List<String> kept = filter.keep(lines);
        assertThat(kept).containsExactlyElementsOf(lines.subList(0, bodyLines));
        assertThat(kept.get(0)).isEqualTo(first);
        assertThat(kept.get(kept.size() - 1)).startsWith(last);
        assertThat(kept).noneMatch(promotion::contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everySentenceOfTheBodySurvivesSplittingAndNoPromotionDoes(String name, int bodyLines, String first,
                                                                   String last, List<String> promotion)
            throws IOException {
        String text = seed(name);
        List<String> body = nonBlankLines(text).subList(0, bodyLines);
        SentenceSplitter withRules = new SentenceSplitter(filter);
        SentenceSplitter withoutRules = new SentenceSplitter(BoilerplateFilter.none());
        List<Sentence> expected = withoutRules.split(String.join("\n\n", body));
        List<Sentence> actual = withRules.split(text);
        assertThat(actual).extracting(Sentence::text).containsExactlyElementsOf(
                expected.stream().map(Sentence::text).toList());
        List<String> bodySentences = actual.stream().filter(Sentence::isBody).map(Sentence::text).toList();
        assertThat(bodySentences).isNotEmpty();
        for (String line : promotion) {
            assertThat(bodySentences).noneMatch(s -> line.contains(s) || s.contains(line));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "تابعونا على تيلغرام",
            "تابعوا قناتنا على يوتيوب",
            "انضموا إلى قناتنا على تلغرام للحصول على آخر الأخبار",
            "تابعونا على فيسبوك وتويتر وإنستغرام",
            "اشترك في قناتنا على واتساب",
            "Follow us on Telegram",
            "Join our WhatsApp channel",
            "اترك تعليقاً",
            "أضف تعليقك",
            "التعليقات (3)",
            "Leave a comment",
            "زر الذهاب إلى الأعلى",
            "العودة إلى الأعلى",
            "Back to top",
            "شارك",
            "شارك هذا الخبر",
            "شارك على فيسبوك",
            "Share this article",
            "جميع الحقوق محفوظة © 2024 وكالة سانا",
            "© 2024 Example News. All rights reserved.",
            "Copyright 2024 Example Media",
            "اشترك في النشرة البريدية",
            "Subscribe to our newsletter for daily updates",
            "الكلمات المفتاحية: سورية، روسيا، لافروف",
            "Tags: Syria, Russia",
            "اقرأ أيضاً: لافروف يلتقي نظيره التركي في أنقرة",
            "https://example.com/news/123",
            "www.example.com",
            "حمّل تطبيق الوكالة على هاتفك",
    })
    void dropsPromotionLines(String line) {
        assertThat(filter.isBoilerplate(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"انظر ايضاً", "اقرأ أيضاً", "اقرأ أيضا:", "مواضيع ذات صلة", "أخبار ذات صلة",
            "الأكثر قراءة", "Related articles", "Read more", "You may also like"})
    void startsTheTrailerAtSeeAlso(String line) {
        assertThat(filter.startsTrailer(line)).as(line).isTrue();
        assertThat(filter.keep(List.of("نص المقال الأول هنا.", line, "عنوان مقال آخر", "نص آخر.")))
                .containsExactly("نص المقال الأول هنا.");
    }

    @Test
    void aSeeAlsoLineWithTheArticleGoingOnAfterItIsAnInsertAndOnlyItGoes() {
        String before = "وقال لافروف خلال مؤتمر صحفي في موسكو اليوم إن الإرهابيين يشكلون خطرا على مناطق تخفيف التوتر.";
        String after1 = "وأشار لافروف إلى أن روسيا بحثت مع الجانب الأميركي آلية عمل منطقة تخفيف التوتر جنوب غرب سورية.";
        String after2 = "وأكد أن الاتفاقات الروسية الأمريكية لم تتطرق إلى موضوع الوجود الروسي والإيراني في سورية أبدا.";

        assertThat(filter.keep(List.of(before, "اقرأ أيضاً", after1, after2))).containsExactly(before, after1, after2);
        // One sentence after it is not yet an article going on: an excerpt under a teaser looks the same.
        assertThat(filter.keep(List.of(before, "اقرأ أيضاً", after1))).containsExactly(before);
        // Teasers cut off with an ellipsis are a trailer's, however long.
        assertThat(filter.keep(List.of(before, "اقرأ أيضاً", after1.replace(".", " …"), after2.replace(".", "…"))))
                .containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "شارك الرئيس في القمة العربية التي عقدت في الرياض أمس.",
            "تابع الملايين المباراة عبر التلفزيون الرسمي مساء الجمعة.",
            "وأعلنت الشركة المالكة لتطبيق تيلغرام عن ميزات جديدة للمستخدمين.",
            "وقال الوزير إن حقوق النشر يجب أن تحترم في كل الأحوال.",
            "انظر إلى ما حدث في المدينة خلال الأسبوع الماضي من دمار.",
            "أعلنت الأمم المتحدة أن 3 ملايين شخص نزحوا من منازلهم.",
    })
    void keepsBodySentencesThatLookLikePrompts(String line) {
        assertThat(filter.isBoilerplate(line)).as(line).isFalse();
        assertThat(filter.startsTrailer(line)).as(line).isFalse();
    }

    @Test
    void longLinesAreArticleText() {
        String line = "تابعونا على تيلغرام " + "والمزيد من الكلام ".repeat(40);
        assertThat(filter.isBoilerplate(line)).isFalse();
    }

    @Test
    void keepDropsBlankLines() {
        assertThat(filter.keep(List.of("", "  ", "نص.", "\t"))).containsExactly("نص.");
    }

    @Test
    void malformedRulesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> BoilerplateFilter.parse(new StringReader("# comment\nline ^ok$\ndrop x\n"), "r.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "r.txt:3: expected 'line <regex>' or 'rest <regex>'");
        assertThatThrownBy(() -> BoilerplateFilter.parse(new StringReader("line (unclosed\n"), "r.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("r.txt:1: bad pattern");
    }

    @Test
    void rulesAreData() throws IOException {
        // Written as people spell it (ة, أ); the rule is folded like the lines it is matched against.
        BoilerplateFilter custom = BoilerplateFilter.parse(new StringReader("line ^حصري لموقعنا$\nrest ^النهاية$\n"),
                "custom");
        assertThat(custom.keep(List.of("خبر.", "حصري لموقعنا", "خبر آخر.", "النهاية", "ذيل.")))
                .containsExactly("خبر.", "خبر آخر.");
    }
}
