package dev.mojaz.ingest.poll;

import dev.mojaz.common.DaemonThreads;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.SourceStateRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which sources are due and polls them on a pool of {@code fetch.max-concurrent-sources} threads.
 *
 * <p>The decision is one step, {@link #pollDue(Instant)}, that tests drive with the instant they choose; it starts
 * the due sources and returns at once, so a slow source only ever occupies its own thread, and a source still being
 * polled is not started twice. {@link #start(Duration)} is the thin real-time loop around it: a timer that calls
 * {@code pollDue(clock.instant())} every tick. {@link #pollAllNow()} is {@code fetch --once}.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    /** The longest {@link #close()} waits for polls under way. */
    static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private final Supplier<List<SourceConfig>> sources;
    private final SourcePoller poller;
    private final SourceStateRepository states;
    private final Clock clock;
    private final ExecutorService workers;
    private final SourceLeases leases;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    /**
     * @param sources     the effective source list, asked again at every step (sources added at run time count)
     * @param concurrency sources polled at the same time
     */
    public PollScheduler(Supplier<List<SourceConfig>> sources, SourcePoller poller, SourceStateRepository states,
                         int concurrency, Clock clock) {
        this(sources, poller, states, concurrency, clock, SourceLeases.none());
    }

    /**
     * @param leases who may poll a source now, when several instances share the database: a source whose lease
     *               another instance holds is left to it
     */
    public PollScheduler(Supplier<List<SourceConfig>> sources, SourcePoller poller, SourceStateRepository states,
                         int concurrency, Clock clock, SourceLeases leases) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.states = Objects.requireNonNull(states, "states");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = Executors.newFixedThreadPool(concurrency, DaemonThreads.numbered("mojaz-poll"));
    }

    /**
     * Starts a poll of every enabled source that is due at {@code now} (never polled, or its next poll not after
     * {@code now}) and not already being polled.
     *
     * @return the polls started, in source order; each completes with its report
     */
    public List<CompletableFuture<PollReport>> pollDue(Instant now) {
        List<CompletableFuture<PollReport>> started = new ArrayList<>();
        for (SourceConfig source : sources.get()) {
            if (source.enabled() && isDue(source, now)) {
                start(source, now).ifPresent(started::add);
            }
        }
        return started;
    }

    /** Polls every enabled source once, whether due or not, and waits for all of them. */
    public List<PollReport> pollAllNow() {
        return pollNow(sources.get().stream().filter(SourceConfig::enabled).toList());
    }

    /**
     * Polls these sources once (enabled or not: they were asked for), at most {@code concurrency} at a time, and
     * waits for all of them. A source already being polled is left out.
     *
     * @return the reports, in the order given
     */
    public List<PollReport> pollNow(List<SourceConfig> chosen) {
        List<CompletableFuture<PollReport>> polls = new ArrayList<>();
        for (SourceConfig source : chosen) {
            start(source, null).ifPresent(polls::add);
        }
        return polls.stream().map(CompletableFuture::join).toList();
    }

    /** The ids of the sources being polled right now. */
    public Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }

    /** Starts the real-time loop: {@link #pollDue} with the clock's time, every {@code tick}. */
    public synchronized void start(Duration tick) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.numbered("mojaz-poll-timer"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                pollDue(clock.instant());
            } catch (RuntimeException e) {
                log.error("poll step failed", e); // keep ticking: the next step may succeed
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean isDue(SourceConfig source, Instant now) {
        SourceState state = states.load(source.id());
        return state.nextPoll() == null || !now.isBefore(state.nextPoll());
    }

    /**
     * Starts a poll of {@code source} unless it is being polled, here or by another instance; with {@code dueAt}, only
     * if it is still due once its lease is taken (another instance may have just polled it).
     */
    private Optional<CompletableFuture<PollReport>> start(SourceConfig source, Instant dueAt) {
        if (!inFlight.add(source.id())) {
            return Optional.empty();
        }
        boolean leased = false;
        try {
            leased = leases.take(source.id());
        } finally {
            if (!leased) {
                inFlight.remove(source.id());
            }
        }
        if (!leased) {
            return Optional.empty();
        }
        if (dueAt != null && !isDue(source, dueAt)) {
            leases.release(source.id());
            inFlight.remove(source.id());
            return Optional.empty();
        }
        try {
            // The source leaves inFlight before its future completes: whoever is woken by the report may start it
            // again at once. (A whenComplete callback would run after the waiters are released, so a caller could
            // still see the finished poll as in flight.)
            return Optional.of(CompletableFuture.supplyAsync(() -> {
                try {
                    return poller.poll(source);
                } finally {
                    releaseQuietly(source.id());
                    inFlight.remove(source.id());
                }
            }, workers));
        } catch (RejectedExecutionException e) {
            releaseQuietly(source.id());
            inFlight.remove(source.id());
            if (workers.isShutdown()) {
                return Optional.empty(); // closing: a tick that comes now starts nothing
            }
            throw e;
        }
    }

    /** Gives a lease back; a failure only leaves it to expire (the next poll of the source waits that long). */
    private void releaseQuietly(String sourceId) {
        try {
            leases.release(sourceId);
        } catch (RuntimeException e) {
            log.warn("could not give back the lease of source {} ({}); it expires by itself", sourceId, e.toString());
        }
    }

    /**
     * Stops the loop and the workers, interrupting polls under way, and waits for them at most {@link #STOP_WAIT}.
     * Their fetches end at once when the fetcher is closed first (as {@code run} does); a poll still busy after that
     * (extracting a page) is left to finish on its daemon thread rather than hold the process.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("polls of {} still running after {}; not waiting for them", inFlight(),
                        STOP_WAIT.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
