package dev.mojaz.domain;

import java.util.Map;

/** Keeps {@link SourceState} across restarts. Implemented over SQLite by the {@code store} package. */
public interface SourceStateRepository {
    /** The saved state, or {@link SourceState#initial} for a source never polled. */
    SourceState load(String sourceId);

    /** Every saved state, by source id. */
    Map<String, SourceState> all();

    /** Replaces the saved state of {@code state.sourceId()}. */
    void save(SourceState state);
}
