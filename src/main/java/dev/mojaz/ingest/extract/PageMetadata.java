package dev.mojaz.ingest.extract;

import java.net.URI;
import java.time.Instant;

/**
 * What a page says about itself in its head: JSON-LD, OpenGraph and meta tags. Every field may be null.
 *
 * @param title        headline (JSON-LD headline, og:title, twitter:title, or the document title)
 * @param byline       author names, comma-separated
 * @param published    publication time
 * @param canonicalUrl rel=canonical or og:url, resolved and absolute
 * @param language     ISO 639-1 code from the markup (html lang, content-language, og:locale)
 * @param articleBody  JSON-LD articleBody, when the page publishes its text there
 */
public record PageMetadata(
        String title,
        String byline,
        Instant published,
        URI canonicalUrl,
        String language,
        String articleBody) {
}
