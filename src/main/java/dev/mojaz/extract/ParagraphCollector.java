package dev.mojaz.extract;

import java.util.List;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a content subtree into paragraphs, in document order: every block element (paragraph, heading, list item,
 * quote, table cell…) and every line break ends a paragraph; whitespace inside a paragraph is collapsed to single
 * spaces, as a browser shows it.
 */
final class ParagraphCollector implements NodeVisitor {
    private final List<String> out;
    private final StringBuilder current = new StringBuilder();
    private boolean pendingSpace;

    private ParagraphCollector(List<String> out) {
        this.out = out;
    }

    /** Appends the paragraphs of {@code root} to {@code out}. */
    static void collect(Element root, List<String> out) {
        ParagraphCollector collector = new ParagraphCollector(out);
        NodeTraversor.traverse(collector, root);
        collector.flush();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            append(text.getWholeText());
        } else if (node instanceof Element e && ContentFinder.BLOCKS.contains(e.normalName())) {
            flush();
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e && ContentFinder.BLOCKS.contains(e.normalName())) {
            flush();
        }
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
            }
        }
    }

    private void flush() {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
        pendingSpace = false;
    }
}
