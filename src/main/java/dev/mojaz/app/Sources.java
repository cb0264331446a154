package dev.mojaz.app;

import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.ingest.http.HttpFetcher;
import dev.mojaz.ingest.poll.PollScheduler;
import java.util.Objects;

/**
 * The sources side as the application uses it (built by {@code dev.mojaz.cli.SourcePipeline}, which owns and closes
 * it): the scheduler that polls, the catalog of sources, and the guarded fetcher that links people send go through.
 */
public record Sources(PollScheduler scheduler, SourceCatalog catalog, HttpFetcher fetcher) {
    public Sources {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(fetcher, "fetcher");
    }

    /** The name people see for a source id; the id itself when the source is unknown. */
    public String name(String sourceId) {
        return sourceId == null ? "" : catalog.find(sourceId).map(s -> s.name()).orElse(sourceId);
    }
}
