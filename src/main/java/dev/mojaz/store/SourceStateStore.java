package dev.mojaz.store;

import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.SourceStateRepository;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Each source's conditional-GET validators and health, kept across restarts. */
public final class SourceStateStore implements SourceStateRepository {
    private static final String COLUMNS = "source_id, etag, last_modified, last_attempt_at, last_success_at, "
            + "consecutive_failures, last_error, next_poll_at";

    private final Database db;

    public SourceStateStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public SourceState load(String sourceId) {
        return db.read(sql -> sql.first("SELECT " + COLUMNS + " FROM source_state WHERE source_id = ?",
                SourceStateStore::state, sourceId)).orElseGet(() -> SourceState.initial(sourceId));
    }

    @Override
    public Map<String, SourceState> all() {
        Map<String, SourceState> states = new LinkedHashMap<>();
        db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM source_state ORDER BY source_id", SourceStateStore::state))
                .forEach(state -> states.put(state.sourceId(), state));
        return states;
    }

    @Override
    public void save(SourceState state) {
        Objects.requireNonNull(state, "state");
        db.write(sql -> sql.update("INSERT INTO source_state (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, "
                        + "last_modified = excluded.last_modified, last_attempt_at = excluded.last_attempt_at, "
                        + "last_success_at = excluded.last_success_at, "
                        + "consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error, "
                        + "next_poll_at = excluded.next_poll_at",
                state.sourceId(), state.etag(), state.lastModified(), state.lastAttempt(), state.lastSuccess(),
                state.consecutiveFailures(), state.lastError(), state.nextPoll()));
    }

    private static SourceState state(Row row) throws SQLException {
        return new SourceState(row.string("source_id"), row.string("etag"), row.string("last_modified"),
                row.instant("last_attempt_at"), row.instant("last_success_at"), row.intValue("consecutive_failures"),
                row.string("last_error"), row.instant("next_poll_at"));
    }
}
