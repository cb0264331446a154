package dev.mojaz.ingest.dedupe;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story as the grouper holds it: the reports of one event, first one first.
 *
 * @param id      the grouper's number for it, in order of creation
 * @param reports its reports, in the order they were added
 */
public record Story(long id, List<Member> reports) {
    public Story {
        reports = List.copyOf(reports);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a story has at least one report");
        }
    }

    /** One report of a story. */
    public record Member(URI url, String source, Instant published) {
        public Member {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(published, "published");
        }
    }

    /** The outlets that reported it, in order. */
    public List<String> sources() {
        return reports.stream().map(Member::source).distinct().toList();
    }
}
