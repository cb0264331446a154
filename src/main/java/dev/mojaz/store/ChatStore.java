package dev.mojaz.store;

import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatRepository;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.DueDigest;
import dev.mojaz.domain.QuietHours;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Chats and their settings, and the operations that touch everything a chat owns (migrate, forget). */
public final class ChatStore implements ChatRepository {
    private static final String COLUMNS = "id, kind, title, language, time_zone, digest_hours, quiet_start, quiet_end, "
            + "summary_sentences, alerts, link_previews, paused, active, inactive_reason, created_at, last_digest_at";

    private final Database db;
    private final Clock clock;

    public ChatStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The chat with this id; created with {@code initial} settings when Mojaz has not seen it before. A known chat
     * keeps its settings (its title is refreshed when one is given).
     */
    public Chat register(long id, ChatKind kind, String title, ChatSettings initial) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initial, "initial");
        return db.write(sql -> {
            Instant now = clock.instant();
            int created = sql.update("INSERT INTO chats (" + COLUMNS + ", updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, TRUE, NULL, ?, NULL, ?) "
                            + "ON CONFLICT (id) DO NOTHING",
                    settingsParams(id, kind.code(), title, initial, now, now));
            if (created == 0 && title != null) {
                sql.update("UPDATE chats SET title = ? WHERE id = ? AND (title IS NULL OR title <> ?)", title, id, title);
            }
            return find(sql, id).orElseThrow();
        });
    }

    public Optional<Chat> find(long id) {
        return db.read(sql -> find(sql, id));
    }

    /** Replaces the chat's settings; false when there is no such chat. */
    public boolean updateSettings(long id, ChatSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return db.write(sql -> sql.update("UPDATE chats SET language = ?, time_zone = ?, digest_hours = ?, "
                        + "quiet_start = ?, quiet_end = ?, summary_sentences = ?, alerts = ?, link_previews = ?, "
                        + "updated_at = ? WHERE id = ?",
                settings.language(), settings.timeZone().getId(), hours(settings.digestHours()),
                quietStart(settings), quietEnd(settings), settings.summarySentences(), settings.alerts(),
                settings.linkPreviews(), clock.instant(), id) > 0);
    }

    /** Pauses (/stop) or resumes the chat; false when there is no such chat. */
    public boolean setPaused(long id, boolean paused) {
        return db.write(sql -> sql.update("UPDATE chats SET paused = ?, updated_at = ? WHERE id = ?",
                paused, clock.instant(), id) > 0);
    }

    /**
     * Telegram refused delivery for good (blocked, deactivated, kicked, chat not found): the chat becomes inactive,
     * keeping its settings and subscriptions, and its messages still waiting in the outbox are given up (DEAD, with
     * {@code reason}). False when there is no such chat.
     */
    public boolean deactivate(long id, String reason) {
        return db.write(sql -> {
            Instant now = clock.instant();
            sql.update("UPDATE outbox SET state = 'dead', last_error = ?, updated_at = ? "
                    + "WHERE chat_id = ? AND state IN ('pending', 'failed')", reason, now, id);
            return sql.update("UPDATE chats SET active = FALSE, inactive_reason = ?, updated_at = ? WHERE id = ?",
                    reason, now, id) > 0;
        });
    }

    /** The chat spoke to Mojaz again: deliveries resume. False when there is no such chat. */
    public boolean reactivate(long id) {
        return db.write(sql -> sql.update("UPDATE chats SET active = TRUE, inactive_reason = NULL, updated_at = ? "
                + "WHERE id = ?", clock.instant(), id) > 0);
    }

    /**
     * A group became a supergroup ({@code migrate_to_chat_id}): everything of {@code fromId} moves to {@code toId}
     * (settings, subscriptions, deliveries, waiting messages) and {@code fromId} is deleted. When {@code toId} is
     * already known its settings win and the two sets of subscriptions are merged. False when {@code fromId} is
     * unknown.
     */
    public boolean migrate(long fromId, long toId) {
        if (fromId == toId) {
            throw new IllegalArgumentException("a chat cannot migrate to itself");
        }
        return db.write(sql -> {
            Optional<Chat> from = sql.first("SELECT " + COLUMNS + " FROM chats WHERE id = ?" + db.dialect().lockForUpdate(),
                    ChatStore::chat, fromId);
            if (from.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            Chat old = from.get();
            sql.update("INSERT INTO chats (" + COLUMNS + ", updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    toId, ChatKind.SUPERGROUP.code(), old.title(), old.settings().language(),
                    old.settings().timeZone().getId(), hours(old.settings().digestHours()), quietStart(old.settings()),
                    quietEnd(old.settings()), old.settings().summarySentences(), old.settings().alerts(),
                    old.settings().linkPreviews(), old.paused(), old.created(), old.lastDigest(), now);
            sql.update("INSERT INTO subscriptions (chat_id, query, source_id, created_at) "
                    + "SELECT ?, s.query, s.source_id, s.created_at FROM subscriptions s WHERE s.chat_id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM subscriptions t WHERE t.chat_id = ? AND t.query = s.query "
                    + "AND COALESCE(t.source_id, '') = COALESCE(s.source_id, '')) ORDER BY s.id", toId, fromId, toId);
            sql.update("INSERT INTO deliveries (chat_id, story_id, article_id, delivered_at) "
                    + "SELECT ?, story_id, article_id, delivered_at FROM deliveries WHERE chat_id = ? "
                    + "ON CONFLICT (chat_id, story_id) DO NOTHING", toId, fromId);
            sql.update("UPDATE outbox SET chat_id = ?, updated_at = ? WHERE chat_id = ?", toId, now, fromId);
            sql.update("DELETE FROM deliveries WHERE chat_id = ?", fromId);
            sql.update("DELETE FROM subscriptions WHERE chat_id = ?", fromId);
            sql.update("DELETE FROM chats WHERE id = ?", fromId);
            return true;
        });
    }

    /**
     * Erases everything Mojaz keeps about the chat, in one transaction: its settings, subscriptions, deliveries and
     * every message of it in the outbox. A goodbye enqueued afterwards is the only trace, until it is sent and pruned.
     */
    public Forgotten forget(long id) {
        return db.write(sql -> {
            int messages = sql.update("DELETE FROM outbox WHERE chat_id = ?", id);
            int deliveries = sql.update("DELETE FROM deliveries WHERE chat_id = ?", id);
            int subscriptions = sql.update("DELETE FROM subscriptions WHERE chat_id = ?", id);
            boolean chat = sql.update("DELETE FROM chats WHERE id = ?", id) > 0;
            return new Forgotten(chat, subscriptions, deliveries, messages);
        });
    }

    /**
     * Chats whose digest is due at {@code now}: receiving (active, not paused), with digest hours, and whose latest
     * digest hour not after {@code now} (in their time zone) is later than their last digest (or, before the first,
     * than their creation). A bot that was down over several digest hours gets one due digest per chat, not many.
     */
    public List<DueDigest> dueForDigest(Instant now) {
        List<Chat> candidates = db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM chats "
                + "WHERE active = TRUE AND paused = FALSE AND digest_hours <> '' ORDER BY id", ChatStore::chat));
        List<DueDigest> due = new ArrayList<>();
        for (Chat chat : candidates) {
            Instant slot = latestSlot(chat.settings(), now);
            Instant since = chat.lastDigest() != null ? chat.lastDigest() : chat.created();
            if (slot != null && slot.isAfter(since)) {
                due.add(new DueDigest(chat, slot, since));
            }
        }
        return due;
    }

    /** Ids of the chats that receive messages (active, not paused), for a broadcast. */
    public List<Long> receivingIds() {
        return db.read(sql -> sql.list("SELECT id FROM chats WHERE active = TRUE AND paused = FALSE ORDER BY id",
                row -> row.longValue("id")));
    }

    public Counts counts() {
        return db.read(sql -> new Counts(sql.number("SELECT COUNT(*) FROM chats"),
                sql.number("SELECT COUNT(*) FROM chats WHERE active = TRUE AND paused = FALSE")));
    }

    /** The latest digest hour at or before {@code now} in the settings' zone, or null without digest hours. */
    static Instant latestSlot(ChatSettings settings, Instant now) {
        ZonedDateTime local = now.atZone(settings.timeZone());
        Instant latest = null;
        for (int hour : settings.digestHours()) {
            ZonedDateTime slot = local.toLocalDate().atTime(hour, 0).atZone(settings.timeZone());
            if (slot.toInstant().isAfter(now)) {
                slot = local.toLocalDate().minusDays(1).atTime(hour, 0).atZone(settings.timeZone());
            }
            if (latest == null || slot.toInstant().isAfter(latest)) {
                latest = slot.toInstant();
            }
        }
        return latest;
    }

    static Optional<Chat> find(Sql sql, long id) throws SQLException {
        return sql.first("SELECT " + COLUMNS + " FROM chats WHERE id = ?", ChatStore::chat, id);
    }

    private static Object[] settingsParams(long id, String kind, String title, ChatSettings s, Instant created,
            Instant updated) {
        return new Object[] {id, kind, title, s.language(), s.timeZone().getId(), hours(s.digestHours()),
                quietStart(s), quietEnd(s), s.summarySentences(), s.alerts(), s.linkPreviews(), created, updated};
    }

    private static Integer quietStart(ChatSettings s) {
        return s.quietHours() == null ? null : s.quietHours().start();
    }

    private static Integer quietEnd(ChatSettings s) {
        return s.quietHours() == null ? null : s.quietHours().end();
    }

    private static String hours(List<Integer> hours) {
        return hours.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> hours(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    private static Chat chat(Row row) throws SQLException {
        Integer quietStart = row.nullableInt("quiet_start");
        Integer quietEnd = row.nullableInt("quiet_end");
        ChatSettings settings = new ChatSettings(row.string("language"), ZoneId.of(row.string("time_zone")),
                hours(row.string("digest_hours")),
                quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd),
                row.intValue("summary_sentences"), row.bool("alerts"), row.bool("link_previews"));
        return new Chat(row.longValue("id"), ChatKind.of(row.string("kind")), row.string("title"), settings,
                row.bool("paused"), row.bool("active"), row.string("inactive_reason"), row.instant("created_at"),
                row.instant("last_digest_at"));
    }
}
