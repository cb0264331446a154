package dev.mojaz.match;

import dev.mojaz.domain.Subscription;

/**
 * The live matcher, as the conversation keeps it in step with the store: after each committed change it removes
 * and adds the subscriptions concerned (subscribe, unsubscribe, /stop and /start, blocked, forgotten, migrated).
 * {@link LiveSubscriptions} is the standard one; anything holding subscriptions for the dispatcher can be.
 */
public interface SubscriptionRegistry {
    /** Registers (or replaces, by id) a subscription for matching; false when its query cannot be used any more. */
    boolean add(Subscription subscription);

    /** Unregisters a subscription; false when it was not registered. */
    boolean remove(long subscriptionId);
}
