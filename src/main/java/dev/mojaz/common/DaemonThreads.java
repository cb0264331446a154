package dev.mojaz.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Mojaz starts for itself. All are daemons, so that a forgotten one never keeps the process alive after
 * {@code main} or a test ends (stopping them in order is each owner's {@code close}), and all are named
 * {@code mojaz-…}, so that a thread dump says whose they are.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** A factory whose threads are all called {@code name} (for an executor of one thread). */
    public static ThreadFactory named(String name) {
        return runnable -> thread(name, runnable);
    }

    /** A factory whose threads are called {@code prefix-1}, {@code prefix-2}... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> thread(prefix + "-" + n.incrementAndGet(), runnable);
    }

    /** A daemon thread, not yet started. */
    public static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
