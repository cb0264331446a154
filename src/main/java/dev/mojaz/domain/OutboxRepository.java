package dev.mojaz.domain;

import dev.mojaz.domain.OutboxMessage.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable outbox: messages waiting for Telegram, in order per chat, and the record of which story reached which chat (so none arrives twice).
 */
public interface OutboxRepository {
    /** A message that failed, for the health report. */
    record Failure(long id, long chatId, State state, int attempts, String error, Instant at) {
    }

    /**
     * Records that story {@code storyId} (told by {@code articleId}) goes to chat {@code chatId} and enqueues its
     * messages, in one transaction. When the chat already had this story nothing is enqueued and the result is
     * false: a story reaches a chat at most once, however many threads or restarts try.
     */
    boolean deliverStory(long chatId, long storyId, long articleId, List<NewMessage> messages);

    /** Whether the chat was already sent this story. */
    boolean isDelivered(long chatId, long storyId);

    /**
     * Enqueues a digest for the digest hour {@code slot} and notes it was cut at {@code cutAt} (the next digest
     * covers what came after), in one transaction. If that slot's digest was already cut, nothing happens and the
     * result is false, so a restart in the middle of sending digests never sends one twice. {@code messages} may be
     * empty: an empty digest that is not sent still counts as done.
     */
    boolean enqueueDigest(long chatId, Instant slot, Instant cutAt, List<NewMessage> messages);

    /** Enqueues messages that no delivery stands behind (replies to commands, broadcasts); returns their ids. */
    List<Long> enqueue(long chatId, List<NewMessage> messages);

    /**
     * Claims up to {@code limit} messages due now, at most one per chat (the oldest one it has that is not done
     * and not held), and marks them SENDING. Oldest first, so a long digest to one chat does not starve the others.
     */
    List<OutboxMessage> claimDue(int limit);

    /** Telegram accepted the claimed message. False when it is not (or no longer) claimed, e.g. forgotten meanwhile. */
    boolean markSent(long id, Long telegramMessageId);

    /** Sending failed for now (429, 5xx, network): try again at {@code at}; later messages of the chat wait. */
    boolean retryAt(long id, Instant at, String error);

    /** Gives the message up (a permanent error, or too many attempts); later messages of the chat go on. */
    boolean markDead(long id, String error);

    /**
     * At start: messages left SENDING by a crash go back to PENDING, so none is lost (one may be sent twice if the
     * crash came between Telegram's answer and {@link #markSent}). Returns how many.
     */
    int requeueInterrupted();

    /**
     * Messages left SENDING by instances that are gone go back to PENDING; those of this instance and of others still
     * alive stay. With one process alone on its database (SQLite), every claim that is not this instance's is a dead
     * process's. Returns how many.
     */
    int requeueAbandoned();

    /** How many messages the instance {@code instanceId} has claimed and not yet reported on. */
    long sendingBy(String instanceId);

    /**
     * The earliest moment at which {@link #claimDue} may find something, for a sender that waits rather than polls:
     * the smallest {@code next_attempt_at} of the messages that nothing but time holds back (pending or failed, with
     * no earlier message of their chat still sending or failed). A message queued behind one being sent becomes
     * claimable when that one is done, which the sender learns from its own work, not from here. Empty when nothing
     * waits.
     */
    Optional<Instant> nextDue();

    /** When Telegram last accepted a message (as far as the outbox still remembers sent messages). */
    Optional<Instant> lastSent();

    /**
     * How long the work has been waiting: the earliest {@code next_attempt_at} among messages not yet done (pending,
     * failed or being sent). Empty when nothing waits.
     */
    Optional<Instant> oldestWaiting();

    /** The {@code limit} most recent failures (messages with an error, dead or waiting for a retry), newest first. */
    List<Failure> recentFailures(int limit);

    Optional<OutboxMessage> find(long id);

    /** The chat's messages in the outbox, in order. */
    List<OutboxMessage> ofChat(long chatId);

    /** How many messages are in each state (every state present, zero included). */
    Map<State, Long> counts();
}
