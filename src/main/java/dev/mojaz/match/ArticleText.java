package dev.mojaz.match;

import java.util.Objects;

/**
 * An article as the {@code match} command and the benchmark read it from a plain-text file: the title on the
 * first line, the text after it.
 */
public record ArticleText(String title, String text) {
    public ArticleText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** Splits {@code content} after its first line (a byte-order mark and surrounding spaces of the title dropped). */
    public static ArticleText parse(String content) {
        String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
        int newline = body.indexOf('\n');
        return newline < 0 ? new ArticleText(body.strip(), "")
                : new ArticleText(body.substring(0, newline).strip(), body.substring(newline + 1));
    }
}
