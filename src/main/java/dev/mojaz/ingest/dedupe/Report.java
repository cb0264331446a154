package dev.mojaz.ingest.dedupe;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One news report as story grouping sees it: what it says, who published it and when. Deliberately smaller than a
 * stored article, so that grouping depends on nothing but the text engine.
 *
 * @param title     the headline, or "" when there is none
 * @param text      the article text, paragraphs separated by line breaks
 * @param source    the outlet's id ("bbc-arabic"); two reports from one outlet are never grouped as one event
 * @param published when it was published (or, failing that, fetched)
 * @param url       identifies the report; a story lists its reports by it
 */
public record Report(String title, String text, String source, Instant published, URI url) {
    public Report {
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(url, "url");
    }
}
