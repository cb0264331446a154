package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.text.BoilerplateFilter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Realistic Arabic news pages built around the seed articles (menus, breaking-news ticker, breadcrumb, sidebar,
 * related list, share bar, tags, comments and comment form, footer, right-to-left markup), each beside the list of
 * paragraphs a reader would call the article. Extraction must keep every one of them, in order, and nothing else.
 */
@Tag("fast")
class ArabicFixturePagesTest {
    private final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ArabicFixturePagesTest.class.getResourceAsStream("pages/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static List<String> expected(String page) throws IOException {
        String text = new String(resource(page.replace(".html", ".expected.txt")), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sana-utf8.html", "modern-jsonld.html", "div-paragraphs.html", "br-separated.html",
            "legacy-windows-1256.html"})
    void keepsEveryArticleParagraphAndNothingElse(String page) throws IOException {
        ExtractedPage extracted = extractor.extract(resource(page), null, URI.create("https://news.example/a/1"));

        assertThat(extracted.paragraphs()).containsExactlyElementsOf(expected(page));
        assertThat(extracted.language()).isEqualTo("ar");
    }

    @Test
    void windows1256PageServedWithItsCharsetDecodesTheSameAsFromItsMetaTag() throws IOException {
        byte[] bytes = resource("legacy-windows-1256.html");
        List<String> expected = expected("legacy-windows-1256.html");

        ExtractedPage served = extractor.extract(bytes, "text/html; charset=windows-1256", null);
        ExtractedPage cp1256Label = extractor.extract(bytes, "text/html;charset=\"cp1256\"", null);

        assertThat(served.paragraphs()).containsExactlyElementsOf(expected);
        assertThat(cp1256Label.paragraphs()).containsExactlyElementsOf(expected);
        assertThat(served.title()).isEqualTo("موسكو: واشنطن تزود “داعش” بإحداثيات دقيقة");
    }

    @Test
    void windows1256PageWithNoDeclarationAtAllIsDetected() throws IOException {
        String html = new String(resource("legacy-windows-1256.html"), Charset.forName("windows-1256"))
                .replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">", "");
        byte[] undeclared = html.getBytes(Charset.forName("windows-1256"));

        ExtractedPage page = extractor.extract(undeclared, null, null);

        assertThat(page.paragraphs()).containsExactlyElementsOf(expected("legacy-windows-1256.html"));
    }

    @Test
    void promotionLinesInsideTheArticleBodyAreDropped() throws IOException {
        ExtractedPage page = extractor.extract(resource("sana-utf8.html"), null, null);

        assertThat(page.text()).doesNotContain("تيلغرام", "telegram.me", "واتس أب", "اشتراك", "اترك تعليقاً",
                "زر الذهاب", "انظر ايضاً", "الأكثر قراءة", "جميع الحقوق");
        assertThat(page.paragraphs().get(0)).isEqualTo("موسكو-أستانا-سانا");
    }

    @Test
    void metadataOfTheModernPageComesFromJsonLdAndOpenGraph() throws IOException {
        ExtractedPage page = extractor.extract(resource("modern-jsonld.html"), "text/html; charset=utf-8",
                URI.create("https://daily.example/world/2019/02/01/moscow-washington?utm_source=rss"));

        assertThat(page.title()).isEqualTo("موسكو تدعو واشنطن لسحب قواتها المتمركزة بشكل غير شرعي في سورية");
        assertThat(page.byline()).isEqualTo("سامر الخطيب, ليلى حسن");
        assertThat(page.published()).hasToString("2019-02-01T07:30:00Z");
        assertThat(page.canonicalUrl())
                .hasToString("https://daily.example/world/2019/02/01/moscow-washington?utm_source=rss");
        assertThat(page.text()).doesNotContain("لافروف خلال مؤتمر صحفي في موسكو (أرشيف)", "اشترك", "مقال ممتاز");
    }

    @Test
    void relativeCanonicalLinkIsResolvedAgainstThePageUrl() throws IOException {
        ExtractedPage page = extractor.extract(resource("sana-utf8.html"), null,
                URI.create("https://news.example/?p=123"));

        assertThat(page.canonicalUrl()).hasToString("https://news.example/politics/2017/11/russia-tanf/");
        assertThat(page.published()).hasToString("2017-11-16T07:12:00Z");
    }
}
