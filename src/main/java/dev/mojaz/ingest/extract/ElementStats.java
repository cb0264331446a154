package dev.mojaz.ingest.extract;

/**
 * Additive figures of one element's subtree, computed once bottom-up so that scoring and cleaning never re-read
 * text or search a subtree (doing that per element would make large or deep pages quadratic). Mutable on purpose:
 * when an element is removed its figures are subtracted from its ancestors'. That subtraction is deferred: the
 * removed figures wait in {@link #removedBelow} of the parent and are passed up one level at a time, children before
 * parents, so removing many elements deep in a page costs one pass, not one walk up the ancestors each.
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
    /** Links ({@code <a>} elements), this element included. */
    int links;
    /** Parts only data tables have ({@code caption, th, thead, tfoot, colgroup, col}), this element included. */
    int tableParts;
    /** Whether a block-level element is among the children (not deeper). */
    boolean hasBlockChild;
    /** Text of the direct children that are not blocks (text nodes and inline elements). */
    int inlineText;
    /** Commas in that inline text. */
    int inlineCommas;
    /** Readability-style content score; only candidates (ancestors of paragraphs) get one. */
    double score;
    boolean candidate;
    /** Figures of removed descendants not yet subtracted from this element (and from its ancestors), or null. */
    ElementStats removedBelow;

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

    /** Adds {@code other}'s additive figures to this one's. */
    void add(ElementStats other) {
        text += other.text;
        linkText += other.linkText;
        commas += other.commas;
        paragraphs += other.paragraphs;
        images += other.images;
        listItems += other.listItems;
        inputs += other.inputs;
        embeds += other.embeds;
        quoteText += other.quoteText;
        links += other.links;
        tableParts += other.tableParts;
    }

    /** Records that descendants with these figures were removed; they are subtracted when the removals are applied. */
    void markRemovedBelow(ElementStats removed) {
        if (removedBelow == null) {
            removedBelow = new ElementStats();
        }
        removedBelow.add(removed);
    }

    /**
     * Subtracts what was removed below this element, and returns it for the parent (whose subtree lost it too), or
     * null when nothing was.
     */
    ElementStats applyRemovals() {
        ElementStats removed = removedBelow;
        if (removed != null) {
            subtract(removed);
            removedBelow = null;
        }
        return removed;
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
        links -= removed.links;
        tableParts -= removed.tableParts;
    }
}
