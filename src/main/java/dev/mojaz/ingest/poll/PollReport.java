package dev.mojaz.ingest.poll;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of one source did.
 *
 * @param sourceId the source
 * @param status   whether the feed was read, unchanged, or could not be read
 * @param error    for {@link Status#FAILED}, the one-line reason (also saved as the source's last error); else null
 * @param entries  one result per entry listed
 * @param problems entries the feed listed but that could not be read as entries (no link)
 * @param nextPoll when the source is due again
 */
public record PollReport(String sourceId, Status status, String error, List<EntryResult> entries,
                         List<String> problems, Instant nextPoll) {

    /** How the poll went. */
    public enum Status {
        /** The feed (or listing page) was read and its entries ingested. */
        UPDATED,
        /** The server said nothing changed (304). */
        NOT_MODIFIED,
        /** The feed could not be fetched or read. */
        FAILED
    }

    public PollReport {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public long count(EntryResult.Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** Entries stored by this poll (new stories and near-duplicates joining one). */
    public long stored() {
        return count(EntryResult.Outcome.ADDED) + count(EntryResult.Outcome.JOINED_STORY);
    }

    public List<EntryResult> failures() {
        return entries.stream().filter(e -> e.outcome() == EntryResult.Outcome.FAILED).toList();
    }
}
