package dev.mojaz.domain;

import java.util.List;
import java.util.Optional;

/**
 * The keyword and source subscriptions of each chat.
 */
public interface SubscriptionRepository {
    /** What {@link #add} did. */
    enum Outcome {
        ADDED,
        /** The chat already follows the same query with the same source filter: that one is returned. */
        ALREADY_FOLLOWED,
        /** The chat already has the most subscriptions it may have: nothing was added. */
        LIMIT_REACHED
    }

    /** The result of {@link #add}; {@code subscription} is null for {@link Outcome#LIMIT_REACHED}. */
    record Added(Outcome outcome, Subscription subscription) {
    }

    /**
     * Adds a subscription for a known chat, unless it already has the same one or has {@code maxPerChat} already;
     * the check and the insert are one transaction, so two quick /subscribe commands cannot pass the limit.
     */
    Added add(long chatId, String query, String sourceId, int maxPerChat);

    /** The chat's subscriptions, oldest first. */
    List<Subscription> list(long chatId);

    Optional<Subscription> find(long id);

    /** Removes one of the chat's subscriptions; false when it has none with this id (or it is another chat's). */
    boolean remove(long chatId, long subscriptionId);

    /** Removes all of the chat's subscriptions; returns how many there were. */
    int removeAll(long chatId);

    /**
     * Removes every follow of a whole source (a subscription with no words, restricted to it), as when the source
     * itself goes; returns the chats that followed it.
     */
    List<Long> removeFollowsOf(String sourceId);

    /** Removes one chat's follow of a whole source; false when it did not follow it. */
    boolean removeFollow(long chatId, String sourceId);

    /** Every subscription of a receiving chat (active, not paused), in id order: what the matcher loads at start. */
    List<Subscription> ofReceivingChats();

    long count();
}
