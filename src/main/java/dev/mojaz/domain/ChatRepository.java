package dev.mojaz.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The chats Mojaz knows, with their settings; their lifecycle (paused, inactive, migrated, forgotten) and the digests due.
 */
public interface ChatRepository {
    /** What {@link #forget} erased. */
    record Forgotten(boolean chat, int subscriptions, int deliveries, int messages) {
    }

    /** How many chats there are, and how many of them receive messages. */
    record Counts(long all, long receiving) {
    }

    /**
     * The chat with this id; created with {@code initial} settings when Mojaz has not seen it before. A known chat
     * keeps its settings (its title is refreshed when one is given).
     */
    Chat register(long id, ChatKind kind, String title, ChatSettings initial);

    Optional<Chat> find(long id);

    /** Replaces the chat's settings; false when there is no such chat. */
    boolean updateSettings(long id, ChatSettings settings);

    /** Pauses (/stop) or resumes the chat; false when there is no such chat. */
    boolean setPaused(long id, boolean paused);

    /**
     * Telegram refused delivery for good (blocked, deactivated, kicked, chat not found): the chat becomes inactive,
     * keeping its settings and subscriptions, and its messages still waiting in the outbox are given up (DEAD, with
     * {@code reason}). False when there is no such chat.
     */
    boolean deactivate(long id, String reason);

    /** The chat spoke to Mojaz again: deliveries resume. False when there is no such chat. */
    boolean reactivate(long id);

    /**
     * A group became a supergroup ({@code migrate_to_chat_id}): everything of {@code fromId} moves to {@code toId}
     * (settings, subscriptions, deliveries, waiting messages) and {@code fromId} is deleted. When {@code toId} is
     * already known its settings win and the two sets of subscriptions are merged. False when {@code fromId} is
     * unknown.
     */
    boolean migrate(long fromId, long toId);

    /**
     * Erases everything Mojaz keeps about the chat, in one transaction: its settings, subscriptions, deliveries and
     * every message of it in the outbox. A goodbye enqueued afterwards is the only trace, until it is sent and pruned.
     */
    Forgotten forget(long id);

    /**
     * Chats whose digest is due at {@code now}: receiving (active, not paused), with digest hours, and whose latest
     * digest hour not after {@code now} (in their time zone) is later than their last digest (or, before the first,
     * than their creation). A bot that was down over several digest hours gets one due digest per chat, not many.
     */
    List<DueDigest> dueForDigest(Instant now);

    /** Ids of the chats that receive messages (active, not paused), for a broadcast. */
    List<Long> receivingIds();

    Counts counts();
}
