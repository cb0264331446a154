package dev.mojaz.text;

import java.util.Objects;

/**
 * One piece of an article as {@link SentenceSplitter} found it: a sentence of the body, or a line that is not one
 * (a heading, a dateline, a byline, a fragment).
 *
 * @param start     offset of its first character in the original text
 * @param end       offset just past its last character
 * @param paragraph index of its paragraph among the article's paragraphs (0 for the first)
 * @param role      what it is
 * @param text      the original text between {@code start} and {@code end}, with line breaks inside it (hard-wrapped
 *                  text) turned into single spaces; otherwise exactly as written
 * @param words     words in it (tokens with a letter or a digit)
 */
public record Sentence(int start, int end, int paragraph, Role role, String text, int words) {

    /** What a piece of the article is. Only {@link #BODY} sentences may be picked for a summary. */
    public enum Role {
        /** A complete sentence of the article body. */
        BODY,
        /** A title or sub-heading: a short paragraph with no sentence-final punctuation. */
        HEADING,
        /** "موسكو-سانا", "القاهرة (رويترز) -": where and who, not what. */
        DATELINE,
        /** "بقلم …", "كتب: …", "By …". */
        BYLINE,
        /** Too short to stand alone, a lead-in ending with a colon, or only a link or a number. */
        FRAGMENT
    }

    public Sentence {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
    }

    /** Whether it is a sentence of the body (the only kind a summary may use). */
    public boolean isBody() {
        return role == Role.BODY;
    }
}
