package dev.mojaz.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ListingReaderTest {
    private static final URI PAGE = URI.create("https://news.example/section/latest");
    private static final String HTML = """
            <html dir="rtl"><head><title>آخر الأخبار</title></head><body>
            <nav><a href="/">الرئيسية</a><a href="/about">من نحن</a></nav>
            <main>
              <article class="teaser"><h3><a href="/news/1">الخبر الأول</a></h3></article>
              <article class="teaser"><h3><a href="https://news.example/news/2">الخبر الثاني</a></h3></article>
              <article class="teaser"><h3><a href="/news/1">الخبر الأول مكرر</a></h3></article>
              <article class="teaser"><h3><a href="mailto:x@news.example">راسلنا</a></h3></article>
              <article class="teaser"><p>بلا رابط</p></article>
            </main></body></html>
            """;

    private final ListingReader reader = new ListingReader();

    @Test
    void theSelectorPicksArticleLinksInOrderWithoutRepeats() throws Exception {
        Feed feed = reader.read(HTML.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", PAGE, "article.teaser");

        assertThat(feed.title()).isEqualTo("آخر الأخبار");
        assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
                URI.create("https://news.example/news/1"), URI.create("https://news.example/news/2"));
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("الخبر الأول", "الخبر الثاني");
        assertThat(feed.entries()).allSatisfy(e -> assertThat(e.guid()).isNull());
        assertThat(feed.problems()).containsExactly("link 'mailto:x@news.example' is not an http or https URL");
    }

    @Test
    void aSelectorNamingTheAnchorWorksToo() throws Exception {
        Feed feed = reader.read(HTML.getBytes(StandardCharsets.UTF_8), null, PAGE, "main h3 > a");
        assertThat(feed.entries()).hasSize(2);
    }

    @Test
    void aWindows1256PageIsDecodedFromItsMetaCharset() throws Exception {
        String html = "<html><head><meta charset=\"windows-1256\"><title>أخبار</title></head><body>"
                + "<a class=\"item\" href=\"/1\">عنوان عربي</a></body></html>";
        Feed feed = reader.read(html.getBytes(Charset.forName("windows-1256")), "text/html", PAGE, "a.item");
        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("عنوان عربي"));
    }

    @Test
    void aSelectorMatchingNothingSaysSo() throws Exception {
        Feed feed = reader.read(HTML.getBytes(StandardCharsets.UTF_8), null, PAGE, "div.nothing");
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.problems()).containsExactly("link-selector 'div.nothing' matched no links");
    }

    @Test
    void anInvalidSelectorIsAClearError() {
        assertThatThrownBy(() -> reader.read(HTML.getBytes(StandardCharsets.UTF_8), null, PAGE, "article[["))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("invalid link-selector 'article[[': ");
    }

    @Test
    void malformedHtmlStillGivesItsLinks() throws Exception {
        String broken = "<div class=teaser><a href=/x/1>واحد<div class=teaser><a href='/x/2'>اثنان</b></td>";
        Feed feed = reader.read(broken.getBytes(StandardCharsets.UTF_8), null, PAGE, "a");
        assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
                URI.create("https://news.example/x/1"), URI.create("https://news.example/x/2"));
    }
}
