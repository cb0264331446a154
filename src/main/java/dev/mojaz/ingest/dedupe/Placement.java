package dev.mojaz.ingest.dedupe;

import java.net.URI;
import java.util.Objects;

/**
 * Where {@link StoryGrouper#add} put a report.
 *
 * @param story       the story it is now part of (a new one when it joined none)
 * @param joined      whether it joined a story that already had reports
 * @param matchedWith the report of that story it matched best, or null for a new story
 * @param comparison  that match, or null for a new story
 */
public record Placement(Story story, boolean joined, URI matchedWith, Comparison comparison) {
    public Placement {
        Objects.requireNonNull(story, "story");
        if (joined != (matchedWith != null) || joined != (comparison != null)) {
            throw new IllegalArgumentException("a joined placement names its match, a new one none");
        }
    }
}
