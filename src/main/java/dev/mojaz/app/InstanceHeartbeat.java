package dev.mojaz.app;

import dev.mojaz.domain.Storage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's beat, every {@link #EVERY}: it writes its heartbeat and roles to the store (so the others know it is
 * alive, and {@code status} can list it), puts back the messages an instance that died had claimed (they go out from
 * here), and has {@code onBeat} follow what the others changed. With one process on SQLite it costs one small write
 * every few seconds.
 */
final class InstanceHeartbeat implements AutoCloseable {
    /** Well inside {@link dev.mojaz.domain.InstanceRepository#ALIVE_WITHIN}: a missed beat or two is not death. */
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final Storage store;
    private final InstanceRoles roles;
    private final Runnable onRequeued;
    private final Runnable onBeat;
    private ScheduledExecutorService timer;

    /**
     * @param onRequeued called when messages of a dead instance were put back (wakes the sender)
     * @param onBeat     called after every beat (follows the other instances' subscription changes)
     */
    InstanceHeartbeat(Storage store, InstanceRoles roles, Runnable onRequeued, Runnable onBeat) {
        this.store = Objects.requireNonNull(store, "store");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.onRequeued = Objects.requireNonNull(onRequeued, "onRequeued");
        this.onBeat = Objects.requireNonNull(onBeat, "onBeat");
    }

    /**
     * Beats once on the calling thread (the others must see this instance alive before it claims anything, or they
     * would take its claims for a dead one's), then every {@link #EVERY} on a daemon thread.
     */
    synchronized void start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        store.instances().heartbeat(roles.describe());
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mojaz-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            store.instances().heartbeat(roles.describe());
            int requeued = store.deliveries().requeueAbandoned();
            if (requeued > 0) {
                log.info("{} message(s) claimed by an instance that stopped beating go out from here", requeued);
                onRequeued.run();
            }
            onBeat.run();
        } catch (RuntimeException e) {
            log.warn("the heartbeat failed; trying again in {} s: {}", EVERY.toSeconds(), e.toString());
        }
    }

    /** Stops beating and says goodbye (the row goes, so this instance leaves the list at once). */
    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        try {
            store.instances().leave();
        } catch (RuntimeException e) {
            log.warn("could not remove this instance from the list: {}", e.toString());
        }
    }
}
