package dev.mojaz.extract;

/**
 * Additive figures of one element's subtree, computed once bottom-up so that scoring and cleaning never re-read
 * text (re-reading a subtree's text per element would make large pages quadratic). Mutable on purpose: when an
 * element is removed its figures are subtracted from its ancestors'.
 */
final class ElementStats {
    /** Characters of text, whitespace runs not counted. */
    int text;
    /** Characters of text inside links. */
    int linkText;
    /** Commas and semicolons, Latin and Arabic: the clause punctuation of running prose. */
    int commas;
    int paragraphs;
    int images;
    int listItems;
    int inputs;
    int embeds;
    /** Characters of text inside quotations ({@code blockquote}): embedded posts and pull quotes. */
    int quoteText;
    /** Whether a block-level element is among the children (not deeper). */
    boolean hasBlockChild;
    /** Text of the direct children that are not blocks (text nodes and inline elements). */
    int inlineText;
    /** Commas in that inline text. */
    int inlineCommas;
    /** Readability-style content score; only candidates (ancestors of paragraphs) get one. */
    double score;
    boolean candidate;

    /**
     * Whether most of the text is quoted: an embedded post (a tweet in its {@code blockquote}) sits in a box whose
     * class says "social" or "embed", but what it quotes is part of the story.
     */
    boolean mostlyQuote() {
        return quoteText > 0 && quoteText * 2 >= text;
    }

    double linkDensity() {
        return text == 0 ? 0 : Math.min(1.0, (double) linkText / text);
    }

    void subtract(ElementStats removed) {
        text -= removed.text;
        linkText -= removed.linkText;
        commas -= removed.commas;
        paragraphs -= removed.paragraphs;
        images -= removed.images;
        listItems -= removed.listItems;
        inputs -= removed.inputs;
        embeds -= removed.embeds;
        quoteText -= removed.quoteText;
    }
}
