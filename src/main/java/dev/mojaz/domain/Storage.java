package dev.mojaz.domain;

import java.util.function.Supplier;

/**
 * Everything Mojaz keeps, as the layers above see it: one repository per concern, transactions that span them, and
 * the upkeep (figures, pruning). The {@code store} package implements it over SQLite; only the application and the
 * command line, which open it, know that.
 *
 * <pre>{@code
 * Chat chat = storage.chats().register(id, ChatKind.PRIVATE, "Huda", ChatSettings.defaults("ar", zone));
 * storage.transaction(() -> { ...several repository calls, all or nothing... });
 * }</pre>
 */
public interface Storage extends AutoCloseable {
    /** Figures for /stats and {@code status}. */
    record Stats(long chats, long receivingChats, long subscriptions, long articles, long outboxWaiting,
            long outboxDead) {
    }

    /** What one {@link #prune} removed, and in how many transactions. */
    record Pruned(int articles, int stories, int deliveries, int messages, int updates, int batches) {
        /** Both together (the pruning of two steps). */
        public Pruned plus(Pruned other) {
            return new Pruned(articles + other.articles, stories + other.stories, deliveries + other.deliveries,
                    messages + other.messages, updates + other.updates, batches + other.batches);
        }
    }

    /**
     * Runs {@code work} as one transaction: the repository calls it makes commit together, or, if it throws, none of
     * them does.
     */
    <T> T transaction(Supplier<T> work);

    /** {@link #transaction(Supplier)} for work without a result. */
    void transaction(Runnable work);

    ArticleRepository articles();

    SourceRepository sources();

    SourceStateRepository sourceStates();

    ChatRepository chats();

    SubscriptionRepository subscriptions();

    OutboxRepository deliveries();

    BotStateRepository botState();

    HandledUpdateRepository handledUpdates();

    SummaryRequestRepository summaryRequests();

    /** Sources people added for themselves, their owners, and blocked domains. */
    PersonalSourceRepository personalSources();

    /** This instance and the others on the same database, and the leases they hold. */
    InstanceRepository instances();

    /** The chats whose subscriptions changed, for an instance to follow the others. */
    ChatChanges chatChanges();

    /** The lock {@code name} that one instance at a time holds while it lives (nothing is taken yet). */
    SessionLock sessionLock(String name);

    Stats stats();

    /**
     * Forgets what is old (articles past {@code store.retention-days}, finished outbox messages, handled update ids),
     * batch by batch. Must not be called inside a transaction.
     */
    Pruned prune();

    @Override
    void close();
}
