package dev.mojaz.bench.eval;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One article of the EASC evaluation set with its reference summaries.
 *
 * @param topic      the dataset's id for it ("Topic1")
 * @param source     where it was published ("Wikipedia", "Alwatan Newspaper")
 * @param url        where it came from, or "" when unknown
 * @param article    the text, paragraphs separated by line breaks
 * @param references the reference summaries (five per article in EASC)
 */
public record EascArticle(String topic, String source, String url, String article, List<String> references) {
    public EascArticle {
        Objects.requireNonNull(topic, "topic");
        source = source == null ? "" : source;
        url = url == null ? "" : url;
        Objects.requireNonNull(article, "article");
        references = List.copyOf(references);
        if (references.isEmpty()) {
            throw new IllegalArgumentException(topic + ": no reference summaries");
        }
    }

    /**
     * The headline when the dataset lets us know it: a Wikipedia article's title is the last part of its URL. Null
     * for the newspaper articles, whose URLs are not given.
     */
    public String title() {
        if (!url.contains("wikipedia.org/wiki/")) {
            return null;
        }
        try {
            String path = URI.create(url.replace(" ", "%20")).getRawPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            return URLDecoder.decode(last, StandardCharsets.UTF_8).replace('_', ' ');
        } catch (IllegalArgumentException e) {
            String last = url.substring(url.lastIndexOf('/') + 1);
            return last.replace('_', ' ');
        }
    }
}
