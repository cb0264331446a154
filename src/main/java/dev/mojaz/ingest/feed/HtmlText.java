package dev.mojaz.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of a feed entry's description or content into plain paragraphs: block elements and line breaks
 * end a paragraph, scripts and styles are dropped, whitespace is collapsed. Not the article extractor: entry HTML
 * is a fragment the site wrote for the feed, with no navigation to remove.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3",
            "h4", "h5", "h6", "br", "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr", "dd", "dt");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "iframe", "object", "template");

    private HtmlText() {
    }

    /** The paragraphs of an HTML fragment (plain text passes through, split at blank lines). */
    static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return split(html); // plain text, as many descriptions are: no need for a parser
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipping;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    if (SKIPPED.contains(element.normalName())) {
                        skipping++;
                    } else if (BLOCKS.contains(element.normalName())) {
                        text.append("\n\n");
                    }
                } else if (node instanceof TextNode textNode && skipping == 0) {
                    text.append(textNode.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (SKIPPED.contains(element.normalName())) {
                        skipping--;
                    } else if (BLOCKS.contains(element.normalName())) {
                        text.append("\n\n");
                    }
                }
            }
        }, body);
        return split(text.toString());
    }

    private static List<String> split(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String paragraph = block.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    /** The paragraphs joined by one blank line. */
    static String text(String html) {
        return String.join("\n\n", paragraphs(html));
    }
}
