package dev.mojaz.ingest.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What extraction found on one page.
 *
 * @param url          the page's URL (as fetched, or as given)
 * @param canonicalUrl rel=canonical or og:url resolved against {@code url}, or {@code url} when there is none
 * @param title        the headline, or "" when none was found
 * @param byline       the author line, or null
 * @param published    publication time from the page's metadata, or null
 * @param language     ISO 639-1 code from the markup, or detected from the text; null when neither tells
 * @param paragraphs   the article text, one entry a paragraph (list items and quotes included), in order
 */
public record ExtractedPage(
        URI url,
        URI canonicalUrl,
        String title,
        String byline,
        Instant published,
        String language,
        List<String> paragraphs) {

    public ExtractedPage {
        title = title == null ? "" : title;
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs separated by one blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }

    /** Whether the page had any article text at all. */
    public boolean hasText() {
        return !paragraphs.isEmpty();
    }
}
