package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.text.BoilerplateFilter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ArticleExtractorTest {
    static final String P1 = "The council voted on Tuesday to close the old bridge, which has carried traffic"
            + " across the river since 1921, after engineers found cracks in two of its supports.";
    static final String P2 = "Drivers will be sent along the ring road, adding about ten minutes to the"
            + " journey, while a temporary footbridge is built for people who walk or cycle to work.";
    private static final String P3 = "A replacement, paid for by the region and the national roads agency, is"
            + " expected to open in three years, the mayor said, adding that the cost was not yet known.";

    private final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());

    private static String article(String head, String body) {
        return "<!doctype html><html><head>" + head + "</head><body>"
                + "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
                + body
                + "<footer><p>Copyright 2024 The Example Gazette, all rights reserved, every one of them.</p></footer>"
                + "</body></html>";
    }

    @Test
    void jsonLdInAGraphGivesHeadlineAuthorsAndDate() {
        String head = """
                <title>Bridge to close | The Example Gazette</title>
                <meta property="og:title" content="OG title that loses to JSON-LD">
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "The Example Gazette"},
                  {"@type": ["NewsArticle"], "headline": "Old bridge to close after cracks found",
                   "datePublished": "2024-03-05T08:15:00+0100",
                   "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],
                   "articleBody": "The council voted..."}
                ]}
                </script>""";
        ExtractedPage page = extractor.extract(article(head, "<article><p>" + P1 + "</p><p>" + P2 + "</p></article>"),
                URI.create("https://gazette.example/news/bridge"));

        assertThat(page.title()).isEqualTo("Old bridge to close after cracks found");
        assertThat(page.byline()).isEqualTo("Ann Lee, Bo Chen");
        assertThat(page.published()).hasToString("2024-03-05T07:15:00Z");
        assertThat(page.paragraphs()).containsExactly(P1, P2);
        assertThat(page.language()).isEqualTo("en");
    }

    @Test
    void openGraphAndMetaTagsWhenThereIsNoJsonLd() {
        String head = """
                <meta property="og:title" content="Old bridge to close">
                <meta property="og:url" content="/news/bridge-canonical">
                <meta property="article:published_time" content="2024-03-05">
                <meta name="author" content="By Ann Lee">
                <script type="application/ld+json">{ this is not json </script>""";
        ExtractedPage page = extractor.extract(article(head, "<div><p>" + P1 + "</p><p>" + P2 + "</p></div>"),
                URI.create("https://gazette.example/news/bridge?utm_source=x"));

        assertThat(page.title()).isEqualTo("Old bridge to close");
        assertThat(page.byline()).isEqualTo("Ann Lee");
        assertThat(page.published()).hasToString("2024-03-05T00:00:00Z");
        assertThat(page.canonicalUrl()).hasToString("https://gazette.example/news/bridge-canonical");
    }

    @Test
    void withoutMetadataTheTitleIsTheH1AndTheCanonicalUrlIsThePageUrl() {
        URI url = URI.create("https://gazette.example/news/bridge");
        ExtractedPage page = extractor.extract(article("<title>Gazette</title>",
                "<h1>Bridge to close</h1><p>" + P1 + "</p><p>" + P2 + "</p>"), url);

        assertThat(page.title()).isEqualTo("Bridge to close");
        assertThat(page.canonicalUrl()).isEqualTo(url);
        assertThat(page.byline()).isNull();
        assertThat(page.published()).isNull();
        assertThat(page.paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void listsHeadingsAndQuotesInsideTheArticleAreKeptInOrder() {
        String body = "<article><div class=article-body><p>" + P1 + "</p><h2>What changes for drivers</h2><ul>"
                + "<li>The bridge closes on Monday at six in the morning.</li>"
                + "<li>Buses 4 and 12 follow the ring road instead.</li></ul>"
                + "<blockquote><p>We had no choice, safety comes first, the mayor said.</p></blockquote>"
                + "<p>" + P2 + "</p><p>" + P3 + "</p></div></article>";
        ExtractedPage page = extractor.extract(article("", body), null);

        assertThat(page.paragraphs()).containsExactly(P1, "What changes for drivers",
                "The bridge closes on Monday at six in the morning.", "Buses 4 and 12 follow the ring road instead.",
                "We had no choice, safety comes first, the mayor said.", P2, P3);
    }

    @Test
    void malformedHtmlStillGivesTheText() {
        String html = "<html><body><div class=content><p>" + P1 + "<p>" + P2 + "</b></i></span>"
                + "<table><tr><td><p>" + P3 + "</div></div></td></html></body><p>&nbsp;&amp;";
        ExtractedPage page = extractor.extract(html, null);

        assertThat(page.text()).contains(P1, P2, P3);
    }

    @Test
    void pageWithNoArticleGivesAnEmptyResult() {
        String home = article("<title>The Example Gazette</title>",
                "<ul class=menu><li><a href=/a>Bridge to close</a></li><li><a href=/b>Election results</a></li>"
                        + "<li><a href=/c>Weather</a></li></ul>");

        ExtractedPage page = extractor.extract(home, null);
        ExtractedPage empty = extractor.extract(new byte[0], null, null);
        ExtractedPage noBody = extractor.extract("<html><head><title>x</title></head></html>", null);

        assertThat(page.hasText()).isFalse();
        assertThat(page.paragraphs()).isEmpty();
        assertThat(empty.hasText()).isFalse();
        assertThat(noBody.hasText()).isFalse();
    }

    @Test
    void commentsSidebarsSharingAndRelatedListsAreLeftOut() {
        String body = "<div id=main><div class=post><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "<div class=share-buttons><a href=#>Share on Facebook</a> <a href=#>Tweet</a></div></div>"
                + "<div class=related-articles><h3>Related</h3><ul><li><a href=/x>Council meets on Monday, the"
                + " agenda includes the bridge, the school and the park</a></li></ul></div>"
                + "<div id=comments><p>Great article, thanks for covering this, the bridge has been dangerous for"
                + " years and nobody cared.</p></div></div>"
                + "<aside class=sidebar><p>Most read: the ten best bakeries in town, ranked by our critics, with"
                + " prices, opening hours and addresses.</p></aside>"
                + "<form><input name=q><button>Search</button></form>";
        ExtractedPage page = extractor.extract(article("", body), null);

        assertThat(page.paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void languageIsDetectedWhenTheMarkupDoesNotSayIt() {
        String arabic = "<p>أكدت وزارة الخارجية في بيان لها اليوم أن المحادثات ستستمر الأسبوع المقبل، وأن الوفد سيعود"
                + " إلى العاصمة بعد انتهاء الجولة الحالية من المشاورات.</p>";
        ExtractedPage page = extractor.extract("<html><body>" + arabic + arabic + "</body></html>", null);
        ExtractedPage declared = extractor.extract("<html lang=\"ar-EG\"><body>" + arabic + "</body></html>", null);

        assertThat(page.language()).isEqualTo("ar");
        assertThat(declared.language()).isEqualTo("ar");
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void hugePageIsExtractedWithoutBlowingUp() {
        StringBuilder html = new StringBuilder("<html><body><div class=content>");
        for (int i = 0; i < 40_000; i++) {
            html.append("<p>Paragraph ").append(i).append(", which says something, at some length, about the")
                    .append(" matter at hand.</p>\n");
        }
        html.append("</div></body></html>");

        ExtractedPage page = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(page.paragraphs()).hasSize(40_000);
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<div>".repeat(20_000)).append("<p>").append(P1).append("</p>").append("</div>".repeat(20_000));
        html.append("<span>".repeat(20_000)).append(P2);
        html.append("</body></html>");

        ExtractedPage page = extractor.extract(html.toString(), null);

        assertThat(page.text()).contains(P1);
    }

    @Test
    void scriptsStylesAndCommentsNeverReachTheText() {
        String body = "<div><p>" + P1 + "</p><script>var s = 'document.write(\"<p>injected</p>\")';</script>"
                + "<style>p { color: red }</style><!-- <p>commented out</p> --><noscript><p>Enable JS, it is"
                + " needed for the site to work, please.</p></noscript><p>" + P2 + "</p></div>";

        ExtractedPage page = extractor.extract(article("", body), null);

        assertThat(page.paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void bareDateStampsAndTheRepeatedHeadlineAreNotText() {
        String body = "<div><p>Bridge to close</p><p>2024-03-05 08:15</p><p>" + P1 + "</p><p>" + P2 + "</p></div>";

        ExtractedPage page = extractor.extract(article("<meta property=og:title content='Bridge to close'>", body),
                null);

        assertThat(page.paragraphs()).isEqualTo(List.of(P1, P2));
    }

    @Test
    void jsonLdArticleBodyStandsInWhenScriptsRenderTheText() {
        String head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Bridge\","
                + " \"articleBody\": \"" + P1 + "\\n\\n" + P2 + "\"}</script>";
        String plainBody = article(head, "<div id=app>Loading…</div>");
        String htmlBody = article("<script type=\"application/ld+json\">{\"@type\": \"Article\", \"articleBody\":"
                + " \"<p>" + P1 + "</p><p>" + P3 + "</p>\"}</script>", "<div id=app></div>");

        assertThat(extractor.extract(plainBody, null).paragraphs()).containsExactly(P1, P2);
        assertThat(extractor.extract(htmlBody, null).paragraphs()).containsExactly(P1, P3);
    }

    @Test
    void articleChunksSplitByAdRailsAreJoinedInOrder() {
        String rail = "<div class=ad-rail><a href=/ad>Advertisement</a></div>";
        String body = "<article><div class=chunks>"
                + "<div class=grid><div class=\"grid-item article-body\"><p>" + P1 + "</p><p>" + P2 + "</p></div>" + rail
                + "</div><div class=grid><div class=\"grid-item article-body\"><p>" + P3 + "</p></div>" + rail
                + "</div></div></article>";

        assertThat(extractor.extract(article("", body), null).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void markupBeyondTheCapIsCutNotParsed() {
        String page = "<p>" + P1 + "</p>" + "<p>filler text</p>".repeat(10);

        String capped = ArticleExtractor.capped(page, P1.length() + 20);

        assertThat(capped).hasSize(P1.length() + 20);
        assertThat(extractor.extract(capped, null).text()).startsWith(P1);
        assertThat(ArticleExtractor.capped(page, page.length())).isSameAs(page);
    }

    // The cleaning rules below carry their state down the tree (inside a figure? a table?) and keep per-element
    // counts instead of searching ancestors and subtrees; these pin that they decide as before.

    @Test
    void aPhotoGalleryStaysInsideAFigureAndGoesElsewhere() {
        String gallery = "<div><img src=a.jpg><img src=b.jpg><img src=c.jpg><span>Photos: the bridge from the north"
                + " bank</span></div>";
        String inFigure = "<article><p>" + P1 + "</p><figure>" + gallery + "</figure><p>" + P2 + "</p></article>";
        String loose = "<article><p>" + P1 + "</p>" + gallery + "<p>" + P2 + "</p></article>";

        assertThat(extractor.extract(article("", inFigure), null).paragraphs())
                .containsExactly(P1, "Photos: the bridge from the north bank", P2);
        assertThat(extractor.extract(article("", loose), null).paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void aDataTableStaysAndALayoutTableOfShortCellsGoes() {
        String data = "<table><tr><th>Year</th><th>Crossings</th></tr><tr><td>2023</td><td>12400</td></tr></table>";
        String layout = "<table><tr><td>Year</td><td>Crossings</td></tr><tr><td>2023</td><td>12400</td></tr></table>";

        assertThat(extractor.extract(article("", "<article><p>" + P1 + "</p>" + data + "<p>" + P2 + "</p></article>"),
                null).paragraphs()).containsExactly(P1, "Year", "Crossings", "2023", "12400", P2);
        assertThat(extractor.extract(article("", "<article><p>" + P1 + "</p>" + layout + "<p>" + P2
                + "</p></article>"), null).paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void aListWhoseEveryItemLinksElsewhereGoesTheArticlesOwnListStays() {
        String item = "<li><a href=/archive>Read about the old bridge</a> in our archive of stories from 1921</li>";
        String plain = "<li>The footbridge will be ready before the bridge closes in May</li>";
        String links = "<article><p>" + P1 + "</p><ul>" + item + item + "</ul><p>" + P2 + "</p></article>";
        String mixed = "<article><p>" + P1 + "</p><ul>" + item + plain + "</ul><p>" + P2 + "</p></article>";

        assertThat(extractor.extract(article("", links), null).paragraphs()).containsExactly(P1, P2);
        assertThat(extractor.extract(article("", mixed), null).paragraphs()).containsExactly(P1,
                "Read about the old bridge in our archive of stories from 1921",
                "The footbridge will be ready before the bridge closes in May", P2);
    }

    @Test
    void anUnlikelyClassNameDoesNotCountInsideATable() {
        String inTable = "<article><p>" + P1 + "</p><table><tr><td><div class=extra>" + P2
                + "</div></td></tr></table><p>" + P3 + "</p></article>";
        String loose = "<article><p>" + P1 + "</p><div class=extra>" + P2 + "</div><p>" + P3 + "</p></article>";

        assertThat(extractor.extract(article("", inTable), null).paragraphs()).containsExactly(P1, P2, P3);
        assertThat(extractor.extract(article("", loose), null).paragraphs()).containsExactly(P1, P3);
    }
}
