package dev.mojaz.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class FeedReaderTest {
    private final FeedReader reader = new FeedReader();

    static byte[] fixture(String name) {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Feed read(String fixture) throws FeedFormatException {
        return reader.read(fixture(fixture), "application/rss+xml", URI.create("https://sana.example/feed"));
    }

    @Test
    void rss2GivesEntriesWithGuidLinkTextAndDate() throws Exception {
        Feed feed = read("rss2.xml");

        assertThat(feed.title()).isEqualTo("سانا - أخبار سياسية");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isEqualTo("sana-101");
        assertThat(first.link()).isEqualTo(URI.create("https://sana.example/?p=101&utm_source=rss"));
        assertThat(first.title()).isEqualTo("لافروف: يجب توحيد \"المعارضة\" في سورية بوفد واحد");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-20T05:30:00Z"));
        assertThat(first.author()).isEqualTo("سانا");
        // content:encoded wins over the description; paragraphs kept, script dropped, &nbsp; healed
        assertThat(first.text()).isEqualTo("أكد وزير الخارجية الروسي سيرغي لافروف ضرورة توحيد المعارضة في سورية بوفد واحد."
                + "\n\nوقال لافروف خلال مؤتمر صحفي إن الحل سياسي.");
        FeedEntry second = feed.entries().get(1);
        assertThat(second.link()).isEqualTo(URI.create("https://sana.example/?p=102")); // relative link resolved
        assertThat(second.title()).isEqualTo("الدفاع الروسية: واشنطن تزود داعش بإحداثيات");
        assertThat(second.text()).isEqualTo("نشرت وزارة الدفاع الروسية صورا.");
        assertThat(feed.problems()).containsExactly(
                "entry 3 ('بلا رابط'): no http or https link",
                "entry 4 ('رابط غير صالح'): no http or https link");
    }

    @Test
    void rdfAtomAndRss091AreRead() throws Exception {
        Feed rdf = read("rdf.xml");
        assertThat(rdf.entries()).singleElement().satisfies(e -> {
            assertThat(e.link()).isEqualTo(URI.create("https://dw.example/ar/a-1"));
            assertThat(e.published()).isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
            assertThat(e.text()).isEqualTo("استضافت برلين مؤتمرا دوليا.");
        });

        Feed atom = read("atom.xml");
        assertThat(atom.entries()).singleElement().satisfies(e -> {
            assertThat(e.guid()).isEqualTo("tag:france24.example,2026:1");
            assertThat(e.link()).isEqualTo(URI.create("https://france24.example/ar/1?xtor=RSS-1"));
            assertThat(e.title()).isEqualTo("قمة المناخ تختتم أعمالها");
            assertThat(e.text()).isEqualTo("اختتمت قمة المناخ أعمالها.\n\nواتفق المشاركون على خطة.");
            assertThat(e.published()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        });

        assertThat(read("rss091.xml").entries()).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("خبر قديم"));
    }

    @Test
    void windows1256FeedsAreDecodedFromTheirXmlDeclaration() throws Exception {
        Feed feed = reader.read(fixture("windows-1256.xml"), "text/xml", URI.create("https://old-ar.example/rss"));

        assertThat(feed.title()).isEqualTo("أخبار قديمة");
        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("عنوان الخبر");
            assertThat(e.text()).isEqualTo("نص الخبر بترميز ويندوز.");
        });
    }

    @Test
    void anEmptyFeedHasNoEntries() throws Exception {
        Feed feed = read("empty.xml");
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void anEmptyResponseIsNotAFeed() {
        assertThatThrownBy(() -> reader.read(new byte[0], "application/rss+xml", URI.create("https://x.example/")))
                .isInstanceOf(FeedFormatException.class).hasMessage("empty response: no feed there");
        assertThatThrownBy(() -> reader.read(" \n ".getBytes(StandardCharsets.UTF_8), null, URI.create("https://x.example/")))
                .hasMessage("empty response: no feed there");
    }

    @Test
    void malformedXmlIsAClearErrorWithTheLine() {
        assertThatThrownBy(() -> read("malformed.xml"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("malformed XML at line 7: ")
                .hasMessageContaining("item");
    }

    @Test
    void anHtmlPageServedAsAFeedIsNamedAsSuch() {
        assertThatThrownBy(() -> reader.read(fixture("html-page.html"), "text/html; charset=utf-8",
                URI.create("https://x.example/rss")))
                .hasMessage("not a feed: the URL serves an HTML page (text/html; charset=utf-8)");
        // even when the server claims it is XML
        assertThatThrownBy(() -> reader.read(fixture("html-page.html"), "application/rss+xml", URI.create("https://x.example/rss")))
                .hasMessage("not a feed: the URL serves an HTML page (application/rss+xml)");
    }

    @Test
    void wellFormedXmlThatIsNotAFeedNamesItsRoot() {
        byte[] sitemap = "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(sitemap, "application/xml", URI.create("https://x.example/rss")))
                .hasMessage("not an RSS, RDF or Atom feed (root element <urlset>)");
    }

    @Test
    void billionLaughsFailsCleanlyWithoutExpanding() {
        assertThatThrownBy(() -> read("billion-laughs.xml"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("refused: the feed declares a DOCTYPE at line 2 (DTDs and entity declarations are not"
                        + " accepted, so entities are never expanded)");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> read("xxe.xml"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("refused: the feed declares a DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void tenThousandItemsAreReadInFull() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>كثير</title><link>https://many.example/</link><description>x</description>");
        for (int i = 0; i < 10_000; i++) {
            xml.append("<item><title>خبر ").append(i).append("</title><link>https://many.example/").append(i)
                    .append("</link><guid>g").append(i).append("</guid><description>نص ").append(i)
                    .append("</description></item>");
        }
        xml.append("</channel></rss>");

        Feed feed = reader.read(xml.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                URI.create("https://many.example/rss"));

        assertThat(feed.entries()).hasSize(10_000);
        assertThat(feed.entries().get(9_999).guid()).isEqualTo("g9999");
    }

    @Test
    void garbageBytesAreAnErrorNotACrash() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> reader.read(garbage, null, URI.create("https://x.example/")))
                .isInstanceOf(FeedFormatException.class);
    }
}
