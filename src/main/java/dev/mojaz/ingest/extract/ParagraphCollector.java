package dev.mojaz.ingest.extract;

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
 *
 * <p>{@link #collectParagraphText} is the cheap extraction used when a page's time budget has run out: only text
 * inside {@code <p>} elements, in one pass over the tree.
 */
final class ParagraphCollector implements NodeFilter {
    /** A paragraph with more of its text in links than this is a pointer elsewhere, not article text. */
    private static final double MAX_LINK_SHARE = 0.7;
    /**
     * Paragraphs collected at most. The longest article of the extraction benchmark has 294, and a page of nothing but
     * prose under the fetcher's 5 MB cap about 60,000; past 50,000 what goes on is a list of hundreds of thousands of
     * items, not an article, and each short line costs the time of every boilerplate rule later.
     */
    static final int MAX_PARAGRAPHS = 50_000;

    private final List<String> out;
    private final Deadline deadline;
    /** Whether text outside {@code <p>} elements is left out. */
    private final boolean paragraphsOnly;
    private final StringBuilder current = new StringBuilder();
    private boolean pendingSpace;
    private int linkDepth;
    private int quoteDepth;
    private int paragraphDepth;
    private int chars;
    private int linkChars;

    private ParagraphCollector(List<String> out, Deadline deadline, boolean paragraphsOnly) {
        this.out = out;
        this.deadline = deadline;
        this.paragraphsOnly = paragraphsOnly;
    }

    /** Appends the paragraphs of {@code root} to {@code out}. */
    static void collect(Element root, List<String> out) {
        collect(root, out, Deadline.NONE);
    }

    /** Appends the paragraphs of {@code root} to {@code out}, checking {@code deadline} as it goes. */
    static void collect(Element root, List<String> out, Deadline deadline) {
        ParagraphCollector collector = new ParagraphCollector(out, deadline, false);
        NodeTraversor.filter(collector, root);
        collector.flush();
    }

    /** Appends the text of the {@code <p>} elements under {@code root} to {@code out}, one entry a paragraph. */
    static void collectParagraphText(Element root, List<String> out) {
        ParagraphCollector collector = new ParagraphCollector(out, Deadline.NONE, true);
        NodeTraversor.filter(collector, root);
        collector.flush();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        deadline.check();
        if (out.size() >= MAX_PARAGRAPHS) {
            return FilterResult.STOP;
        }
        if (node instanceof TextNode text) {
            if (!paragraphsOnly || paragraphDepth > 0) {
                append(text.getWholeText());
            }
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
            } else if (tag.equals("p")) {
                paragraphDepth++;
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
            } else if (tag.equals("p")) {
                paragraphDepth--;
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
        if (current.length() > 0 && out.size() < MAX_PARAGRAPHS
                && (quoteDepth > 0 || linkChars <= MAX_LINK_SHARE * chars)) {
            out.add(current.toString());
        }
        current.setLength(0);
        pendingSpace = false;
        chars = 0;
        linkChars = 0;
    }
}
