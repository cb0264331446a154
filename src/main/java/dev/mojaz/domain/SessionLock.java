package dev.mojaz.domain;

/**
 * A lock one instance at a time holds for as long as it lives, released by the database the moment the holder's
 * session ends (the process exits, is killed, or loses the server). Elects the one instance that calls getUpdates.
 */
public interface SessionLock extends AutoCloseable {
    /** Takes the lock if no other instance holds it; true when this one holds it (now or already). */
    boolean tryAcquire();

    /**
     * Whether this instance still holds the lock: its session answers. False after a lost session; the holder must
     * then stop the work at once, as another instance may hold the lock already.
     */
    boolean stillHeld();

    /** Gives the lock up; another instance may take it at once. */
    @Override
    void close();
}
