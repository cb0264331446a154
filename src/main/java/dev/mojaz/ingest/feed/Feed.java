package dev.mojaz.ingest.feed;

import java.util.List;

/**
 * What a feed or listing page lists.
 *
 * @param title    the feed's own title, or ""
 * @param entries  the entries with a usable link, in the order published (usually newest first)
 * @param problems entries that were left out, one line each (no link, a link that is not http or https)
 */
public record Feed(String title, List<FeedEntry> entries, List<String> problems) {
    public Feed {
        title = title == null ? "" : title.strip();
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
