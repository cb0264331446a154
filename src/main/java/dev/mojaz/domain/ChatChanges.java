package dev.mojaz.domain;

import java.util.Set;

/**
 * Which chats' subscriptions changed in the database, whoever changed them: with several instances on one database,
 * an instance learns here of the /subscribe another one handled, and brings its in-memory matcher in step. With one
 * process alone on its database there is nothing to learn and it answers nothing.
 */
public interface ChatChanges {
    /**
     * Starts following from now: changes committed from here on are reported by {@link #changedChats()}. Call it
     * before loading the subscriptions, so that nothing falls between the load and the first read.
     */
    void start();

    /** The chats changed since the last call (or {@link #start}), each once. */
    Set<Long> changedChats();
}
