package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("fast")
class HtmlPrefilterTest {

    @Test
    void cutsScriptsStylesSvgCommentsAndTemplates() {
        String html = "<p>a</p><SCRIPT type=text/javascript>if (a < b) document.write('</div>')</SCRIPT>"
                + "<style>p{}</style><svg viewBox='0 0 1 1'><text>icon</text></svg><!-- <p>old</p> -->"
                + "<template><p>t</p></template><noscript><img src=x></noscript><p>b</p>";

        assertThat(HtmlPrefilter.strip(html)).isEqualTo("<p>a</p><p>b</p>");
    }

    @Test
    void keepsJsonLdAndLookalikeTags() {
        String html = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
                + "<scripture>text</scripture><styled>x</styled><section>s</section>";

        assertThat(HtmlPrefilter.strip(html)).isEqualTo(html);
    }

    @Test
    void closesARunawayTitleAtTheNextTag() {
        assertThat(HtmlPrefilter.strip("<html><head><TITLE>مكسور<body><p>نص</p>"))
                .isEqualTo("<html><head><TITLE>مكسور</title><body><p>نص</p>");
        String closed = "<title>a</TITLE><p>b</p>";
        assertThat(HtmlPrefilter.strip(closed)).isEqualTo(closed);
        assertThat(HtmlPrefilter.strip("<titles>x<p>y")).isEqualTo("<titles>x<p>y");
    }

    @Test
    void leavesUnclosedElementsToTheParser() {
        String html = "<p>a</p><script>var x = 1; <p>b</p>";
        String comment = "<p>a</p><!-- never closed <p>b</p>";

        assertThat(HtmlPrefilter.strip(html)).isEqualTo(html);
        assertThat(HtmlPrefilter.strip(comment)).isEqualTo(comment);
        assertThat(HtmlPrefilter.strip("<")).isEqualTo("<");
        assertThat(HtmlPrefilter.strip("")).isEmpty();
    }

    /**
     * Each unclosed script used to send a search for its end tag through every later end tag of the page, so these
     * 200,000 took 20 billion steps (minutes); now a search that failed is not repeated. The timeout only guards
     * against that coming back.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void manyUnclosedElementsAreLeftAsTheyAreInOnePass() {
        String scripts = "<p>a</p>" + "<script></b>".repeat(200_000);
        String comments = "<p>a</p>" + "<!-- x".repeat(100_000);
        String tags = "<p>a</p>" + "<style x".repeat(100_000);

        assertThat(HtmlPrefilter.strip(scripts)).isSameAs(scripts);
        assertThat(HtmlPrefilter.strip(comments)).isSameAs(comments);
        assertThat(HtmlPrefilter.strip(tags)).isSameAs(tags);
    }
}
