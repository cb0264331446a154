package dev.mojaz.store;

import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.InstanceRepository;
import dev.mojaz.domain.OutboxMessage.State;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.OutboxRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deliveries (which chat was sent which story) and the outbox (messages waiting to be sent).
 *
 * <p>Every message goes through the outbox, enqueued in the same transaction as the fact that makes it due (the
 * delivery of a story, the cutting of a digest), so a crash between the two is impossible. The sender {@link
 * #claimDue claims} messages, sends them, and reports back with {@link #markSent}, {@link #retryAt} or {@link
 * #markDead}. A chat's messages go out in the order they were enqueued: a message is claimed only when every
 * earlier message of its chat is done (or is held until later, as alerts in quiet hours are).
 */
public final class DeliveryStore implements OutboxRepository {
    private static final String COLUMNS = "id, chat_id, body, html, reply_markup, disable_preview, state, attempts, "
            + "next_attempt_at, last_error, sent_message_id, created_at";

    private final Database db;
    private final Clock clock;
    private final String instanceId;

    /** @param instanceId the claiming instance ({@link InstanceStore#id()}), recorded with each claim */
    public DeliveryStore(Database db, Clock clock, String instanceId) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    }

    /**
     * Records that story {@code storyId} (told by {@code articleId}) goes to chat {@code chatId} and enqueues its
     * messages, in one transaction. When the chat already had this story nothing is enqueued and the result is
     * false: a story reaches a chat at most once, however many threads or restarts try.
     */
    public boolean deliverStory(long chatId, long storyId, long articleId, List<NewMessage> messages) {
        List<NewMessage> copy = List.copyOf(messages);
        return db.write(sql -> {
            Instant now = clock.instant();
            int recorded = sql.update("INSERT INTO deliveries (chat_id, story_id, article_id, delivered_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, story_id) DO NOTHING", chatId, storyId, articleId, now);
            if (recorded == 0) {
                return false;
            }
            insert(sql, chatId, copy, now);
            return true;
        });
    }

    /** Whether the chat was already sent this story. */
    public boolean isDelivered(long chatId, long storyId) {
        return db.read(sql -> sql.number("SELECT COUNT(*) FROM deliveries WHERE chat_id = ? AND story_id = ?",
                chatId, storyId) > 0);
    }

    /**
     * Enqueues a digest for the digest hour {@code slot} and notes it was cut at {@code cutAt} (the next digest
     * covers what came after), in one transaction. If that slot's digest was already cut, nothing happens and the
     * result is false, so a restart in the middle of sending digests never sends one twice. {@code messages} may be
     * empty: an empty digest that is not sent still counts as done.
     */
    public boolean enqueueDigest(long chatId, Instant slot, Instant cutAt, List<NewMessage> messages) {
        if (cutAt.isBefore(slot)) {
            throw new IllegalArgumentException("a digest cannot be cut (" + cutAt + ") before its hour (" + slot + ")");
        }
        List<NewMessage> copy = List.copyOf(messages);
        return db.write(sql -> {
            int marked = sql.update("UPDATE chats SET last_digest_at = ? "
                    + "WHERE id = ? AND (last_digest_at IS NULL OR last_digest_at < ?)", cutAt, chatId, slot);
            if (marked == 0) {
                return false;
            }
            insert(sql, chatId, copy, clock.instant());
            return true;
        });
    }

    /** Enqueues messages that no delivery stands behind (replies to commands, broadcasts); returns their ids. */
    public List<Long> enqueue(long chatId, List<NewMessage> messages) {
        List<NewMessage> copy = List.copyOf(messages);
        return db.write(sql -> insert(sql, chatId, copy, clock.instant()));
    }

    /**
     * Claims up to {@code limit} messages due now, at most one per chat (the oldest one it has that is not done
     * and not held), and marks them SENDING, claimed by this instance. Oldest first, so a long digest to one chat does
     * not starve the others.
     *
     * <p>Several instances claim at once on PostgreSQL: the rows are locked as they are read and rows another claim
     * holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so each message is claimed once and no claimer waits for
     * another. The index {@code outbox_waiting} hands the waiting messages over in id order, so a claim reads about
     * {@code limit} rows (plus those held back behind an earlier message of their chat), not every due row.
     */
    public List<OutboxMessage> claimDue(int limit) {
        return db.write(sql -> {
            Instant now = clock.instant();
            List<OutboxMessage> due = sql.list(claimQuery(db.dialect()), DeliveryStore::message, now, now, limit);
            if (due.isEmpty()) {
                return List.of();
            }
            List<Long> ids = due.stream().map(OutboxMessage::id).toList();
            sql.update("UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = ?, updated_at = ? "
                    + "WHERE id IN (" + Sql.placeholders(ids.size()) + ")", Sql.params(ids, instanceId, now));
            List<OutboxMessage> claimed = new ArrayList<>(due.size());
            for (OutboxMessage m : due) {
                claimed.add(new OutboxMessage(m.id(), m.chatId(), m.message(), State.SENDING, m.attempts() + 1,
                        m.nextAttempt(), m.lastError(), m.sentMessageId(), m.created()));
            }
            return claimed;
        });
    }

    /**
     * The claim's query. A message is claimable when it is waiting and due, and no earlier message of its chat is
     * being sent, waiting for a retry, or due: the chat's messages go out in order. Both conditions repeat the exact
     * predicates of the partial indexes ({@code outbox_waiting}, {@code outbox_unfinished}) so that both databases
     * can use them.
     */
    static String claimQuery(Dialect dialect) {
        return "SELECT " + COLUMNS + " FROM outbox o" + dialect.useIndex("outbox_waiting") + " "
                + "WHERE o.state IN ('pending', 'failed') AND o.next_attempt_at <= ? AND NOT EXISTS ("
                + "SELECT 1 FROM outbox p WHERE p.chat_id = o.chat_id AND p.id < o.id "
                + "AND p.state IN ('pending', 'sending', 'failed') AND (p.state <> 'pending' OR p.next_attempt_at <= ?)) "
                + "ORDER BY o.id LIMIT ?" + dialect.lockForUpdateSkipLocked("o");
    }

    /** Telegram accepted the claimed message. False when it is not (or no longer) claimed, e.g. forgotten meanwhile. */
    public boolean markSent(long id, Long telegramMessageId) {
        return db.write(sql -> sql.update("UPDATE outbox SET state = 'sent', sent_message_id = ?, last_error = NULL, "
                + "claimed_by = NULL, updated_at = ? WHERE id = ? AND state = 'sending'", telegramMessageId, clock.instant(), id) > 0);
    }

    /** Sending failed for now (429, 5xx, network): try again at {@code at}; later messages of the chat wait. */
    public boolean retryAt(long id, Instant at, String error) {
        Objects.requireNonNull(at, "at");
        return db.write(sql -> sql.update("UPDATE outbox SET state = 'failed', next_attempt_at = ?, last_error = ?, "
                + "claimed_by = NULL, updated_at = ? WHERE id = ? AND state = 'sending'", at, error, clock.instant(), id) > 0);
    }

    /** Gives the message up (a permanent error, or too many attempts); later messages of the chat go on. */
    public boolean markDead(long id, String error) {
        return db.write(sql -> sql.update("UPDATE outbox SET state = 'dead', last_error = ?, claimed_by = NULL, updated_at = ? "
                + "WHERE id = ? AND state IN ('pending', 'sending', 'failed')", error, clock.instant(), id) > 0);
    }

    /**
     * At start: messages left SENDING by a crash go back to PENDING, so none is lost (one may be sent twice if the
     * crash came between Telegram's answer and {@link #markSent}). Returns how many. Every SENDING message, whoever
     * claimed it: for one process alone on its database; with several, see {@link #requeueAbandoned}.
     */
    public int requeueInterrupted() {
        return db.write(sql -> sql.update("UPDATE outbox SET state = 'pending', claimed_by = NULL, updated_at = ? "
                + "WHERE state = 'sending'", clock.instant()));
    }

    /**
     * Messages left SENDING by instances that are gone go back to PENDING (see {@link #requeueInterrupted} for the
     * crash case); those claimed by this instance or by another one still alive stay as they are. On SQLite every
     * other claimer is gone (one file serves one bot). On PostgreSQL an instance is gone when its heartbeat is older
     * than {@link InstanceRepository#ALIVE_WITHIN}; called at start and then every few seconds, so the messages of an
     * instance that died go out from the others. Returns how many.
     */
    @Override
    public int requeueAbandoned() {
        Instant now = clock.instant();
        if (db.dialect() == Dialect.SQLITE) {
            return db.write(sql -> sql.update("UPDATE outbox SET state = 'pending', claimed_by = NULL, updated_at = ? "
                    + "WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by <> ?)", now, instanceId));
        }
        Instant aliveSince = now.minus(InstanceRepository.ALIVE_WITHIN);
        return db.write(sql -> sql.update("UPDATE outbox SET state = 'pending', claimed_by = NULL, updated_at = ? "
                + "WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by <> ? AND NOT EXISTS ("
                + "SELECT 1 FROM instances i WHERE i.id = outbox.claimed_by AND i.heartbeat_at >= ?))",
                now, instanceId, aliveSince));
    }

    /**
     * The earliest moment at which {@link #claimDue} may find something, for a sender that waits rather than polls:
     * the smallest {@code next_attempt_at} of the messages that nothing but time holds back (pending or failed, with
     * no earlier message of their chat still sending or failed). A message queued behind one being sent becomes
     * claimable when that one is done, which the sender learns from its own work, not from here. Empty when nothing
     * waits.
     */
    public Optional<Instant> nextDue() {
        return db.read(sql -> sql.first("SELECT MIN(o.next_attempt_at) AS due FROM outbox o "
                + "WHERE o.state IN ('pending', 'failed') AND NOT EXISTS (SELECT 1 FROM outbox p "
                + "WHERE p.chat_id = o.chat_id AND p.id < o.id AND p.state IN ('sending', 'failed'))",
                row -> row.instant("due"))).filter(Objects::nonNull);
    }

    /** When Telegram last accepted a message (as far as the outbox still remembers sent messages). */
    public Optional<Instant> lastSent() {
        return db.read(sql -> sql.first("SELECT MAX(updated_at) AS at FROM outbox WHERE state = 'sent'",
                row -> row.instant("at"))).filter(Objects::nonNull);
    }

    /**
     * How long the work has been waiting: the earliest {@code next_attempt_at} among messages not yet done (pending,
     * failed or being sent). Empty when nothing waits.
     */
    public Optional<Instant> oldestWaiting() {
        return db.read(sql -> sql.first("SELECT MIN(next_attempt_at) AS at FROM outbox "
                + "WHERE state IN ('pending', 'sending', 'failed')", row -> row.instant("at"))).filter(Objects::nonNull);
    }

    /** How many messages {@code instanceId} has claimed and not yet reported on (being sent by it). */
    @Override
    public long sendingBy(String instanceId) {
        return db.read(sql -> sql.number("SELECT COUNT(*) FROM outbox WHERE state = 'sending' AND claimed_by = ?",
                instanceId));
    }

    /** The {@code limit} most recent failures (messages with an error, dead or waiting for a retry), newest first. */
    public List<Failure> recentFailures(int limit) {
        return db.read(sql -> sql.list("SELECT id, chat_id, state, attempts, last_error, updated_at FROM outbox "
                + "WHERE last_error IS NOT NULL AND state IN ('failed', 'dead') ORDER BY updated_at DESC, id DESC LIMIT ?",
                row -> new Failure(row.longValue("id"), row.longValue("chat_id"), State.of(row.string("state")),
                        row.intValue("attempts"), row.string("last_error"), row.instant("updated_at")), limit));
    }

    public Optional<OutboxMessage> find(long id) {
        return db.read(sql -> sql.first("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", DeliveryStore::message, id));
    }

    /** The chat's messages in the outbox, in order. */
    public List<OutboxMessage> ofChat(long chatId) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM outbox WHERE chat_id = ? ORDER BY id",
                DeliveryStore::message, chatId));
    }

    /** How many messages are in each state (every state present, zero included). */
    public Map<State, Long> counts() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        db.read(sql -> sql.list("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state",
                row -> Map.entry(State.of(row.string("state")), row.longValue("n"))))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static List<Long> insert(Sql sql, long chatId, List<NewMessage> messages, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>(messages.size());
        for (NewMessage m : messages) {
            Instant notBefore = m.notBefore() == null ? now : m.notBefore();
            ids.add(sql.insert("INSERT INTO outbox (chat_id, body, html, reply_markup, disable_preview, state, "
                            + "attempts, next_attempt_at, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) RETURNING id",
                    chatId, m.text(), m.html(), m.replyMarkupJson(), m.disablePreview(), notBefore, now, now));
        }
        return ids;
    }

    private static OutboxMessage message(Row row) throws SQLException {
        NewMessage message = new NewMessage(row.string("body"), row.bool("html"), row.string("reply_markup"),
                row.bool("disable_preview"), null);
        return new OutboxMessage(row.longValue("id"), row.longValue("chat_id"), message, State.of(row.string("state")),
                row.intValue("attempts"), row.instant("next_attempt_at"), row.string("last_error"),
                row.nullableLong("sent_message_id"), row.instant("created_at"));
    }
}
