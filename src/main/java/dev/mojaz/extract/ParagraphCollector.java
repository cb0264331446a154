package dev.mojaz.extract;

import java.util.List;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a content subtree into paragraphs, in document order: every block element (paragraph, heading, list item,
 * quote, table cell…) and every line break ends a paragraph; whitespace inside a paragraph is collapsed to single
 * spaces, as a browser shows it.
 *
 * <p>Two kinds of block are left out: the page's {@code <h1>} (the headline is the title, not the text), and a
 * paragraph that is mostly link text ("Read more: …", a teaser headline, a list of tags), unless it is quoted.
 */
final class ParagraphCollector implements NodeFilter {
    /** A paragraph with more of its text in links than this is a pointer elsewhere, not article text. */
    private static final double MAX_LINK_SHARE = 0.7;

    private final List<String> out;
    private final StringBuilder current = new StringBuilder();
    private boolean pendingSpace;
    private int linkDepth;
    private int quoteDepth;
    private int chars;
    private int linkChars;

    private ParagraphCollector(List<String> out) {
        this.out = out;
    }

    /** Appends the paragraphs of {@code root} to {@code out}. */
    static void collect(Element root, List<String> out) {
        ParagraphCollector collector = new ParagraphCollector(out);
        NodeTraversor.filter(collector, root);
        collector.flush();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            append(text.getWholeText());
        } else if (node instanceof Element e) {
            String tag = e.normalName();
            if (tag.equals("h1")) {
                flush();
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("a")) {
                linkDepth++;
            } else if (tag.equals("blockquote")) {
                quoteDepth++;
            }
            if (ContentFinder.BLOCKS.contains(tag)) {
                flush();
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
            String tag = e.normalName();
            if (tag.equals("a")) {
                linkDepth--;
            } else if (tag.equals("blockquote")) {
                quoteDepth--;
            }
            if (ContentFinder.BLOCKS.contains(tag)) {
                flush();
            }
        }
        return FilterResult.CONTINUE;
    }

    private void append(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (StringUtil.isActuallyWhitespace(c) || c == '\u00a0') {
                pendingSpace = true;
            } else {
                if (pendingSpace && current.length() > 0) {
                    current.append(' ');
                }
                pendingSpace = false;
                current.append(c);
                chars++;
                if (linkDepth > 0) {
                    linkChars++;
                }
            }
        }
    }

    private void flush() {
        if (current.length() > 0 && (quoteDepth > 0 || linkChars <= MAX_LINK_SHARE * chars)) {
            out.add(current.toString());
        }
        current.setLength(0);
        pendingSpace = false;
        chars = 0;
        linkChars = 0;
    }
}
