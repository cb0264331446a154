package dev.mojaz.bot.telegram;

import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The updates received and not yet acknowledged to Telegram, and the low-water mark below them: the highest update
 * id such that it and every update received before it are done. Updates of different chats finish out of order;
 * only the mark may be acknowledged (sent as getUpdates' offset minus one), so that a crash never skips an update
 * that had not finished. Telegram's update ids increase, so an id between two received ones does not exist.
 *
 * <p>Also remembers the ids above the mark it has seen, so that an update Telegram hands again (everything above the
 * mark comes again with each getUpdates) is not started twice. Thread-safe.
 */
final class UpdateWindow {
    private long mark;
    /** Received ids above the mark: true once done. */
    private final TreeMap<Long, Boolean> received = new TreeMap<>();
    /** Received updates not yet done. */
    private int pending;
    /** Counts updates finished, so a waiter can tell that something moved. */
    private long finished;

    UpdateWindow(long mark) {
        this.mark = mark;
    }

    /** The low-water mark: every update up to it is done. */
    synchronized long mark() {
        return mark;
    }

    /** Takes {@code updateId} in; false if it is at or below the mark or was received already (nothing to do). */
    synchronized boolean receive(long updateId) {
        if (updateId <= mark || received.containsKey(updateId)) {
            return false;
        }
        received.put(updateId, false);
        pending++;
        return true;
    }

    /** Marks a received update done and moves the mark past every done update at the bottom. */
    synchronized void done(long updateId) {
        Boolean wasDone = received.replace(updateId, true);
        if (wasDone == null || wasDone) {
            return;
        }
        pending--;
        while (!received.isEmpty() && received.firstEntry().getValue()) {
            mark = received.pollFirstEntry().getKey();
        }
        finished++;
        notifyAll();
    }

    /** Received updates not yet done. */
    synchronized int inHand() {
        return pending;
    }

    synchronized long finished() {
        return finished;
    }

    /**
     * Waits until an update finishes after {@code finishedBefore} was read from {@link #finished()}, or none is in
     * hand, or {@code atMost} passes.
     */
    synchronized void awaitProgress(long finishedBefore, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long left;
        while (finished == finishedBefore && inHand() > 0 && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until no received update is in hand. */
    synchronized void awaitIdle() throws InterruptedException {
        while (inHand() > 0) {
            wait();
        }
    }
}
