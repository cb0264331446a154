package dev.mojaz.store;

import dev.mojaz.domain.ChatChanges;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which chats' subscriptions other instances changed, so that this instance's in-memory matcher follows the
 * database (PostgreSQL; on SQLite one process makes every change itself and this always answers nothing).
 *
 * <p>Triggers append a row to {@code chat_changes} for every change of a subscription, and for every chat paused,
 * resumed, deactivated or deleted, in the transaction that makes it. A row's sequence number is given out before its
 * transaction commits, so "rows after the last one read" could pass over one that commits late. Instead each row
 * carries its transaction id, and each read asks for the rows of every transaction that was not yet finished at the
 * previous read (below PostgreSQL's snapshot horizon, {@code pg_snapshot_xmin}, every transaction has ended and its
 * rows are visible). Rows read before are not reported again. One feed per instance.
 */
public final class ChatChangeFeed implements ChatChanges {
    private final Database db;
    /** Transactions at or above this had not all ended at the last read. */
    private long horizon = -1;
    /** Rows at or above the horizon already reported: seq → its transaction. */
    private final Map<Long, Long> reported = new HashMap<>();

    public ChatChangeFeed(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Starts following from now: changes committed from here on are reported by {@link #changedChats()}. Call it
     * before loading the subscriptions, so that nothing falls between the load and the first read.
     */
    @Override
    public synchronized void start() {
        if (db.dialect() == Dialect.POSTGRESQL) {
            horizon = currentHorizon();
            reported.clear();
        }
    }

    /** The chats changed since the last call (or {@link #start}), each once. Empty on SQLite. */
    @Override
    public synchronized Set<Long> changedChats() {
        if (db.dialect() != Dialect.POSTGRESQL) {
            return Set.of();
        }
        if (horizon < 0) {
            throw new IllegalStateException("start() the feed before reading it");
        }
        // The horizon first: every transaction below it has ended before the rows are read, so the read sees them.
        long next = currentHorizon();
        record Change(long seq, long chatId, long tx) {
        }
        var rows = db.read(sql -> sql.list("SELECT seq, chat_id, tx::text::bigint AS tx FROM chat_changes "
                        + "WHERE tx >= CAST(CAST(? AS text) AS xid8) ORDER BY seq",
                row -> new Change(row.longValue("seq"), row.longValue("chat_id"), row.longValue("tx")), horizon));
        Set<Long> chats = new LinkedHashSet<>();
        for (Change change : rows) {
            if (reported.putIfAbsent(change.seq(), change.tx()) == null) {
                chats.add(change.chatId());
            }
        }
        horizon = next;
        reported.values().removeIf(tx -> tx < next);
        return chats;
    }

    private long currentHorizon() {
        return db.read(sql -> sql.number("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"));
    }
}
