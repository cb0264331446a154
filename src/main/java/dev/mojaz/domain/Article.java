package dev.mojaz.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as it came from a source, ready to be stored.
 *
 * @param sourceId     the configured source it came from
 * @param url          the URL it was fetched from
 * @param canonicalUrl the normalised canonical URL (tracking parameters removed, rel=canonical followed); the key
 *                     that makes an article unique
 * @param guid         the feed entry's guid or id, or null
 * @param title        the headline as published
 * @param text         the article text, paragraphs separated by one blank line, exactly as published
 * @param byline       author line, or null
 * @param published    when the source says it was published, or null
 * @param fetched      when Mojaz fetched it
 * @param language     ISO 639-1 code
 * @param summary      the extractive summary, sentences exactly as written
 * @param signature    64-bit SimHash of the normalised text, for near-duplicate grouping
 */
public record Article(
        String sourceId,
        URI url,
        URI canonicalUrl,
        String guid,
        String title,
        String text,
        String byline,
        Instant published,
        Instant fetched,
        String language,
        List<String> summary,
        long signature) {

    public Article {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fetched, "fetched");
        language = language == null ? "ar" : language;
        summary = List.copyOf(summary == null ? List.of() : summary);
    }

    /** When it was published, or failing that, fetched: the time digests sort by. */
    public Instant time() {
        return published != null ? published : fetched;
    }
}
