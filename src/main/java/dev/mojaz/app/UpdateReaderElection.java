package dev.mojaz.app;

import dev.mojaz.domain.SessionLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one instance that reads updates by long polling (Telegram answers a second getUpdates for the same bot
 * with 409 Conflict): the holder of a {@link SessionLock}. Every {@link #EVERY} a standby instance tries to take the
 * lock, and the reader checks it still has it. When the reader dies the database ends its session and frees the
 * lock, and a standby takes over at its next try: within {@link #EVERY} of a killed process, within about 25 s of a
 * machine that vanished (the session's TCP keepalives), well inside the 30 s an operator may expect. A reader that
 * loses its session stops reading at once, before another may start.
 */
final class UpdateReaderElection implements AutoCloseable {
    /** How often a standby asks for the lock and the reader checks it. */
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(UpdateReaderElection.class);

    /** What the elected instance does; both run on the election's thread (or the starting one). */
    interface Reader {
        /** Becomes the reader: starts reading updates. Throwing gives the lock back and tries again later. */
        void start() throws Exception;

        /** No longer the reader (lost the lock, or stopping): stops reading at once. */
        void stop();
    }

    private final SessionLock lock;
    private final Reader reader;
    private final InstanceRoles roles;
    private ScheduledExecutorService timer;
    private boolean reading;

    UpdateReaderElection(SessionLock lock, Reader reader, InstanceRoles roles) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    /**
     * Tries once on the calling thread (alone on its database, the instance reads at once, as a single bot always
     * has), then keeps trying, and checking, in the background.
     */
    synchronized void start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        roles.updates(InstanceRoles.Updates.STANDBY);
        step();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mojaz-update-election");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::step, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether this instance reads the updates now. */
    synchronized boolean reading() {
        return reading;
    }

    synchronized void step() {
        try {
            if (reading) {
                if (!lock.stillHeld()) {
                    log.warn("lost the update reader's lock; no longer reading updates");
                    stopReading();
                }
                return;
            }
            if (lock.tryAcquire()) {
                try {
                    reader.start();
                    reading = true;
                    roles.updates(InstanceRoles.Updates.READER);
                    log.info("this instance now reads the updates");
                } catch (Exception e) {
                    log.error("elected to read the updates but could not start; giving the turn back", e);
                    reader.stop();
                    lock.close();
                }
            }
        } catch (RuntimeException e) {
            log.error("the update reader election failed; trying again in {} s", EVERY.toSeconds(), e);
        }
    }

    private void stopReading() {
        reading = false;
        roles.updates(InstanceRoles.Updates.STANDBY);
        try {
            reader.stop();
        } finally {
            lock.close();
        }
    }

    /** Stops reading (if this instance was) and gives the lock back, so a standby takes over at once. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (reading) {
                stopReading();
            } else {
                lock.close();
            }
            roles.updates(InstanceRoles.Updates.NONE);
        }
    }
}
