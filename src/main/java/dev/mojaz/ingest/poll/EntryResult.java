package dev.mojaz.ingest.poll;

import java.net.URI;
import java.util.Objects;

/**
 * What became of one feed entry.
 *
 * @param link         the entry's link
 * @param outcome      what happened
 * @param detail       why, for {@link Outcome#FAILED} and {@link Outcome#DEFERRED}; for a stored article whose page
 *                     could not be used, why the feed's own text was stored instead; otherwise ""
 * @param usedFeedText whether the stored text is the feed entry's, not the page's
 * @param retryable    for {@link Outcome#FAILED}: whether a later poll may succeed (the page failed for a passing
 *                     reason: a timeout, a 503, a refused connection, an internal error) rather than never (a 404,
 *                     a page with no text)
 * @param articleId    the stored (or already stored) article's id, or 0
 * @param storyId      its story id, or 0
 */
public record EntryResult(URI link, Outcome outcome, String detail, boolean usedFeedText, boolean retryable,
                          long articleId, long storyId) {

    /** What happened to an entry. */
    public enum Outcome {
        /** Stored as a new story. */
        ADDED,
        /** Stored, joining a story already told (a near-duplicate text). */
        JOINED_STORY,
        /** Already stored: same guid from this source, or same canonical URL. Nothing changed. */
        DUPLICATE,
        /** Could not be stored; {@code detail} says why. */
        FAILED,
        /** Not looked at in this poll: over {@code fetch.max-entries-per-poll}. */
        DEFERRED
    }

    public EntryResult {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    static EntryResult failed(URI link, String why, boolean retryable) {
        return new EntryResult(link, Outcome.FAILED, why, false, retryable, 0, 0);
    }

    static EntryResult of(URI link, Outcome outcome, String detail) {
        return new EntryResult(link, outcome, detail, false, false, 0, 0);
    }

    /** Whether the article is now stored because of this entry. */
    public boolean isNew() {
        return outcome == Outcome.ADDED || outcome == Outcome.JOINED_STORY;
    }
}
