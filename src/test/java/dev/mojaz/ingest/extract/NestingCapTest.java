package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Markup deeper than the cap is flattened before parsing, and nothing else changes: the depth the parser would build
 * is followed through implied end tags, end tags the parser ignores, tables, raw text and SVG.
 */
@Tag("fast")
class NestingCapTest {
    private static final int CAP = 50;

    /** How many elements deep the parser nests this markup, counting from the body's children. */
    private static int parsedDepth(String html) {
        Document doc = Jsoup.parse(html);
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element) {
                deepest[0] = Math.max(deepest[0], depth);
            }
        }, doc.body());
        return deepest[0];
    }

    @Test
    void deepMarkupIsFlattenedAtTheCapAndKeepsItsText() {
        String html = "<body>" + "<div>".repeat(300) + "<p>deep text</p>" + "</div>".repeat(300) + "<p>after</p>";

        String capped = NestingCap.apply(html, CAP);
        Document doc = Jsoup.parse(capped);

        assertThat(parsedDepth(capped)).isBetween(CAP, CAP + 1);
        assertThat(doc.body().text()).isEqualTo("deep text after");
        // The end tags of the cut elements were cut too: "after" is back at the top.
        assertThat(doc.body().child(doc.body().childrenSize() - 1).text()).isEqualTo("after");
    }

    @Test
    void shallowMarkupComesBackAsTheSameString() throws IOException {
        String page;
        try (InputStream in = getClass().getResourceAsStream("pages/sana-utf8.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String markup = HtmlPrefilter.strip(page);

        assertThat(NestingCap.apply(page)).isSameAs(page);
        assertThat(NestingCap.apply(markup, parsedDepth(markup))).isSameAs(markup);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<ul>" + "<li>item",                       // a list item closes the one before
            "<p>text",                                  // so does a paragraph
            "<dl><dt>term<dd>definition",               // and dt, dd
            "<table><tr><td>cell<td>cell",              // rows and cells close their siblings
            "<select><option>one<option>two",           // options too
            "<br><img src=x><hr><input>",               // void elements never open
            "<div/>",                                  // except that <div/> opens a div (HTML is not XML)
            "<script>document.write('<div>')</script>", // raw text is text
            "<textarea><div><div></textarea>",
            "<svg><g/><g/></svg>",                     // in SVG, <g/> is empty
            "<div>text</div>",
            "<a href=x>link</a><b>bold</b>"})
    void followsTheDepthTheParserBuilds(String unit) {
        String html = "<body>" + unit.repeat(200);
        int expected = parsedDepth(html);

        boolean flattened = NestingCap.apply(html, CAP) != html;

        assertThat(flattened).as("parsed depth %d, cap %d", expected, CAP).isEqualTo(expected > CAP);
    }

    @Test
    void anEndTagTheParserIgnoresDoesNotHideTheDepth() {
        // The parser looks for a </div> among the 100 innermost open elements only; past that the end tag is
        // ignored and every repetition nests deeper. A count that believed the end tag would never cap this page.
        String html = "<body>" + ("<div>" + "<span>".repeat(120) + "</div>").repeat(5) + "text";

        String capped = NestingCap.apply(html, 256);

        assertThat(parsedDepth(html)).isGreaterThan(256);
        assertThat(parsedDepth(capped)).isLessThanOrEqualTo(258);
        assertThat(Jsoup.parse(capped).body().text()).isEqualTo("text");
    }

    @Test
    void attributesThatHoldAnAngleBracketAreReadAsTheParserReadsThem() {
        String html = "<body>" + "<div title='a>b' data-x=\"<div>\">".repeat(60) + "text";

        assertThat(parsedDepth(html)).isEqualTo(60);
        assertThat(NestingCap.apply(html, 59)).isNotSameAs(html);
        assertThat(NestingCap.apply(html, 60)).isSameAs(html);
    }
}
