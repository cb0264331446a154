package dev.mojaz.store;

import dev.mojaz.domain.Subscription;
import dev.mojaz.domain.SubscriptionRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The queries chats follow. The text is stored as typed; parsing and matching belong to {@code dev.mojaz.match}. */
public final class SubscriptionStore implements SubscriptionRepository {
    private static final String COLUMNS = "id, chat_id, query, source_id, created_at";

    private final Database db;
    private final Clock clock;

    public SubscriptionStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a subscription for a known chat, unless it already has the same one or has {@code maxPerChat} already;
     * the check and the insert are one transaction, so two quick /subscribe commands cannot pass the limit (on
     * PostgreSQL, where they may run at once, the chat's row is locked first, so they take turns).
     */
    public Added add(long chatId, String query, String sourceId, int maxPerChat) {
        Objects.requireNonNull(query, "query");
        return db.write(sql -> {
            sql.first("SELECT id FROM chats WHERE id = ?" + db.dialect().lockForUpdate(), row -> row.longValue("id"),
                    chatId);
            Optional<Subscription> same = sql.first("SELECT " + COLUMNS + " FROM subscriptions WHERE chat_id = ? "
                            + "AND query = ? AND COALESCE(source_id, '') = ? ORDER BY id LIMIT 1",
                    SubscriptionStore::subscription, chatId, query, sourceId == null ? "" : sourceId);
            if (same.isPresent()) {
                return new Added(Outcome.ALREADY_FOLLOWED, same.get());
            }
            if (sql.number("SELECT COUNT(*) FROM subscriptions WHERE chat_id = ?", chatId) >= maxPerChat) {
                return new Added(Outcome.LIMIT_REACHED, null);
            }
            long id = sql.insert("INSERT INTO subscriptions (chat_id, query, source_id, created_at) "
                    + "VALUES (?, ?, ?, ?) RETURNING id", chatId, query, sourceId, clock.instant());
            return new Added(Outcome.ADDED, find(sql, id).orElseThrow());
        });
    }

    /** The chat's subscriptions, oldest first. */
    public List<Subscription> list(long chatId) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM subscriptions WHERE chat_id = ? ORDER BY id",
                SubscriptionStore::subscription, chatId));
    }

    public Optional<Subscription> find(long id) {
        return db.read(sql -> find(sql, id));
    }

    /** Removes one of the chat's subscriptions; false when it has none with this id (or it is another chat's). */
    public boolean remove(long chatId, long subscriptionId) {
        return db.write(sql -> sql.update("DELETE FROM subscriptions WHERE id = ? AND chat_id = ?",
                subscriptionId, chatId) > 0);
    }

    /** Removes all of the chat's subscriptions; returns how many there were. */
    public int removeAll(long chatId) {
        return db.write(sql -> sql.update("DELETE FROM subscriptions WHERE chat_id = ?", chatId));
    }

    /**
     * Removes every follow of a whole source (a subscription with no words, restricted to it), as when the source
     * itself goes; returns the chats that followed it.
     */
    @Override
    public List<Long> removeFollowsOf(String sourceId) {
        return db.write(sql -> {
            List<Long> chats = sql.list("SELECT DISTINCT chat_id FROM subscriptions WHERE source_id = ? AND query = ''",
                    row -> row.longValue("chat_id"), sourceId);
            sql.update("DELETE FROM subscriptions WHERE source_id = ? AND query = ''", sourceId);
            return chats;
        });
    }

    /** Removes one chat's follow of a whole source; false when it did not follow it. */
    @Override
    public boolean removeFollow(long chatId, String sourceId) {
        return db.write(sql -> sql.update("DELETE FROM subscriptions WHERE chat_id = ? AND source_id = ? AND query = ''",
                chatId, sourceId) > 0);
    }

    /** Every subscription of a receiving chat (active, not paused), in id order: what the matcher loads at start. */
    public List<Subscription> ofReceivingChats() {
        return db.read(sql -> sql.list("SELECT s.id, s.chat_id, s.query, s.source_id, s.created_at "
                + "FROM subscriptions s JOIN chats c ON c.id = s.chat_id "
                + "WHERE c.active = TRUE AND c.paused = FALSE ORDER BY s.id", SubscriptionStore::subscription));
    }

    public long count() {
        return db.read(sql -> sql.number("SELECT COUNT(*) FROM subscriptions"));
    }

    private static Optional<Subscription> find(Sql sql, long id) throws SQLException {
        return sql.first("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", SubscriptionStore::subscription, id);
    }

    private static Subscription subscription(Row row) throws SQLException {
        return new Subscription(row.longValue("id"), row.longValue("chat_id"), row.string("query"),
                row.string("source_id"), row.instant("created_at"));
    }
}
