package dev.mojaz.app;

import dev.mojaz.ingest.poll.SourceLeases;
import dev.mojaz.domain.InstanceRepository;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source leases kept in the store ({@code leases}, named {@code source:<id>}): one instance polls a source at a time.
 * A lease lasts {@link #LENGTH} and is renewed every {@link #RENEW_EVERY} while its poll goes on (a poll may take
 * minutes on a slow site); if the instance dies its lease expires and another instance polls the source at its next
 * tick. {@link #held()} says which sources this instance is polling, for its roles.
 */
public final class SourceLeaseKeeper implements SourceLeases, AutoCloseable {
    /** How long a lease lasts without renewal: the longest a dead instance keeps its sources from the others. */
    public static final Duration LENGTH = Duration.ofSeconds(60);
    /** Renewals while a poll goes on: three chances before the lease could run out. */
    static final Duration RENEW_EVERY = LENGTH.dividedBy(3);
    private static final String PREFIX = "source:";
    private static final Logger log = LoggerFactory.getLogger(SourceLeaseKeeper.class);

    private final InstanceRepository instances;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;

    public SourceLeaseKeeper(InstanceRepository instances) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mojaz-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(this::renewAll, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean take(String sourceId) {
        if (!instances.tryLease(PREFIX + sourceId, LENGTH)) {
            return false;
        }
        held.add(sourceId);
        return true;
    }

    @Override
    public void release(String sourceId) {
        held.remove(sourceId);
        instances.releaseLease(PREFIX + sourceId);
    }

    /** The sources this instance is polling now, sorted. */
    public List<String> held() {
        return held.stream().sorted().toList();
    }

    private void renewAll() {
        for (String sourceId : List.copyOf(held)) {
            try {
                if (!instances.renewLease(PREFIX + sourceId, LENGTH) && held.contains(sourceId)) {
                    // Only when the store was out of reach for longer than the lease: another instance may poll it
                    // too now; the articles stay unique (the store refuses a second copy), at worst work is repeated.
                    log.warn("the lease on source {} ran out during its poll; another instance may poll it too",
                            sourceId);
                }
            } catch (RuntimeException e) {
                log.warn("could not renew the lease on source {}: {}", sourceId, e.toString());
            }
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
