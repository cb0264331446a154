package dev.mojaz.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One item a source lists: a feed entry, or a link on a listing page.
 *
 * @param guid      the feed's guid (RSS) or id (Atom), or null (listing pages have none)
 * @param link      the article's URL, absolute
 * @param title     the headline as the feed gives it, or ""
 * @param text      the entry's own text (content:encoded, Atom content, else description) as plain paragraphs
 *                  separated by one blank line, or "" — the fallback when the article page cannot be read
 * @param published when the feed says it was published (or last updated), or null
 * @param author    the author, or null
 */
public record FeedEntry(String guid, URI link, String title, String text, Instant published, String author) {
    public FeedEntry {
        Objects.requireNonNull(link, "link");
        guid = guid == null || guid.isBlank() ? null : guid.strip();
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text.strip();
        author = author == null || author.isBlank() ? null : author.strip();
    }
}
