package dev.mojaz.store;

import dev.mojaz.domain.SummaryRequest;
import dev.mojaz.domain.SummaryRequestRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Links waiting for their summary. A request is added in the same transaction as the "working on it" reply and
 * removed in the same transaction as the summary, so a restart in between finds it and finishes it.
 */
public final class SummaryRequestStore implements SummaryRequestRepository {
    private static final String COLUMNS = "id, chat_id, url, language, attempts, requested_at";

    private final Database db;
    private final Clock clock;

    public SummaryRequestStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a request; joins the caller's transaction. */
    public SummaryRequest add(long chatId, String url, String language) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(language, "language");
        return db.write(sql -> {
            long id = sql.insert("INSERT INTO summary_requests (chat_id, url, language, attempts, requested_at) "
                    + "VALUES (?, ?, ?, 0, ?) RETURNING id", chatId, url, language, clock.instant());
            return find(sql, id).orElseThrow();
        });
    }

    /** Every waiting request, oldest first. */
    public List<SummaryRequest> all() {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM summary_requests ORDER BY id",
                SummaryRequestStore::request));
    }

    /** Counts one more attempt at the request; empty when it is gone (answered meanwhile). */
    public Optional<SummaryRequest> begin(long id) {
        return db.write(sql -> {
            sql.update("UPDATE summary_requests SET attempts = attempts + 1 WHERE id = ?", id);
            return find(sql, id);
        });
    }

    /** Removes the request (it was answered); joins the caller's transaction. False when it was gone already. */
    public boolean remove(long id) {
        return db.write(sql -> sql.update("DELETE FROM summary_requests WHERE id = ?", id) > 0);
    }

    private static Optional<SummaryRequest> find(Sql sql, long id) throws SQLException {
        return sql.first("SELECT " + COLUMNS + " FROM summary_requests WHERE id = ?", SummaryRequestStore::request, id);
    }

    private static SummaryRequest request(Row row) throws SQLException {
        return new SummaryRequest(row.longValue("id"), row.longValue("chat_id"), row.string("url"),
                row.string("language"), row.intValue("attempts"), row.instant("requested_at"));
    }
}
