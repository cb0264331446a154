package dev.mojaz.delivery.outbox;

import dev.mojaz.common.Backoff;
import dev.mojaz.common.DaemonThreads;
import dev.mojaz.common.Sleeper;
import dev.mojaz.delivery.compose.OutboxCodec;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what waits in the outbox, within Telegram's limits, and records what became of each message.
 *
 * <h2>The loop</h2>
 * One claiming thread takes due messages from the store ({@link OutboxRepository#claimDue}: at most one per chat, oldest
 * first) into a small queue, about a second's worth ({@code prefetch}) beyond what the workers hold, and tops it up
 * when it is half empty: one query claims hundreds of messages at the rates a digest to many chats needs. {@code
 * threads} workers take from the queue; each waits for its message's slot in the {@link RateLimiter} (about 30 a
 * second overall, one a second to a chat, 20 a minute to a group), sends it once, and records the outcome. When
 * nothing is due the claiming thread sleeps until the next message becomes due ({@link OutboxRepository#nextDue}) or
 * until {@link #wake()} says something was enqueued or a chat's message was done; it never polls in a loop. Tests and
 * the console drive the same work step by step with {@link #sendDue()}.
 *
 * <h2>What each outcome does</h2>
 * <ul>
 *   <li>sent: {@link OutboxRepository#markSent}, at once, before anything else;</li>
 *   <li>429: the message is retried at exactly {@code retry_after} from the answer ({@link OutboxRepository#retryAt}),
 *       and the limiter holds that chat, or everyone when Telegram or the limiter says the flood is global;</li>
 *   <li>5xx, network, timeout: retried after {@code telegram.retry} back-off ({@code first-delay × 2^(n-1)}, at most
 *       {@code max-delay}); after {@code max-attempts} attempts (429s included) the message is given up (dead);</li>
 *   <li>blocked, deactivated, chat not found, kicked, no right to write: the chat is deactivated (its waiting
 *       messages die with it, its settings stay) and the message is dead;</li>
 *   <li>group upgraded to a supergroup: the chat moves to its new id ({@link ChatLifecycle#migrate}) and the
 *       message is sent again there;</li>
 *   <li>refused as such (markup, length): the message is dead; the chat stays active;</li>
 *   <li>401: the token is wrong; everything is held for {@code max-delay} and the message retried then.</li>
 * </ul>
 *
 * <h2>Crashes and stops</h2>
 * A claimed message is SENDING in the store until its outcome is recorded; {@link #start()} first puts every SENDING
 * message of a process that is gone back ({@link OutboxRepository#requeueAbandoned}: on SQLite every one, as one
 * file has one bot), so a crash at any moment loses nothing. Telegram has no
 * idempotency key, so two cases repeat a message: the process dies after Telegram accepted a message and before
 * {@code markSent} committed (the time of one local SQLite write after the answer arrives; at most one message per
 * worker), or Telegram's answer is lost on the way back (a timeout or a reset after it acted), which looks like a
 * transient failure and is retried. {@link #close()} keeps the first window shut on a normal stop: no new claims,
 * messages still queued or waiting for their slot go back to the outbox unsent, and messages already on the wire
 * finish and are recorded.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /**
     * How the sender works.
     *
     * @param threads     messages in flight at once
     * @param prefetch    messages claimed ahead of the workers (about a second's worth: {@code messages-per-second})
     * @param retry       back-off and the attempt limit for transient failures
     * @param maxIdle     the longest the claiming thread sleeps without a reason to wake (a safety net only)
     * @param stopTimeout how long {@link #close()} waits for messages already on the wire
     */
    public record Settings(int threads, int prefetch, Backoff retry, Duration maxIdle, Duration stopTimeout) {
        public Settings {
            if (threads < 1 || prefetch < 0) {
                throw new IllegalArgumentException("threads must be at least 1 and prefetch not negative");
            }
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(maxIdle, "maxIdle");
            Objects.requireNonNull(stopTimeout, "stopTimeout");
        }
    }

    /** Counts since the sender was made. */
    public record Counts(long sent, long rateLimited, long transientFailures, long dead, long chatsDeactivated,
                         long chatsMigrated) {
    }

    private final OutboxRepository outbox;
    private final ChatLifecycle chats;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Settings settings;
    private final MessageSender sender;
    private final int capacity;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // all guarded by lock
    private final Deque<OutboxMessage> queue = new ArrayDeque<>();
    private final Set<Thread> waitingForSlot = new HashSet<>();
    /** Claimed and not yet recorded: queued, waiting for a slot, or on the wire. */
    private int outstanding;
    private long wakeups;
    private boolean stopping;
    private boolean idle;

    private final List<Thread> threads = new ArrayList<>();

    private final AtomicReference<Instant> lastSent = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong transientFailures = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong deactivated = new AtomicLong();
    private final AtomicLong migrated = new AtomicLong();

    /**
     * @param sleeper waits for rate-limit slots ({@link Sleeper#system}; tests move a fake clock instead)
     */
    public OutboxSender(OutboxRepository outbox, ChatLifecycle chats, MessageGateway gateway, RateLimiter limiter,
                        Sleeper sleeper, Clock clock, Settings settings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.capacity = settings.threads() + settings.prefetch();
        Sleeper stoppable = stoppable(Objects.requireNonNull(sleeper, "sleeper"));
        // One attempt per claim: waits and retries are recorded in the outbox, where they survive a restart,
        // rather than slept through by a worker.
        Backoff once = new Backoff(settings.retry().firstDelay(), settings.retry().maxDelay(), 1);
        this.sender = new MessageSender(gateway, limiter, stoppable, clock, once);
    }

    /**
     * Puts back what a crash left SENDING, then starts the claiming thread and the workers (daemon threads, so they
     * never keep the JVM alive). Returns how many messages were put back.
     */
    public synchronized int start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        // What a crash of this process left SENDING (with several instances: what instances that died left).
        int requeued = outbox.requeueAbandoned();
        if (requeued > 0) {
            log.info("{} message(s) interrupted by the last stop go out again", requeued);
        }
        threads.add(DaemonThreads.thread("mojaz-outbox", this::claimLoop));
        for (int i = 1; i <= settings.threads(); i++) {
            threads.add(DaemonThreads.thread("mojaz-send-" + i, this::workLoop));
        }
        threads.forEach(Thread::start);
        return requeued;
    }

    /** Something was enqueued (or became due): look again now. Cheap; call it after every enqueue. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            idle = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends every message due now on the calling thread, one after another, and returns how many were handled
     * (sent or not). For the console and tests; not to be mixed with {@link #start()}.
     */
    public int sendDue() {
        int handled = 0;
        while (true) {
            List<OutboxMessage> claimed = outbox.claimDue(Math.max(1, settings.threads()));
            if (claimed.isEmpty()) {
                return handled;
            }
            for (OutboxMessage message : claimed) {
                send(message);
                handled++;
            }
        }
    }

    /**
     * Waits until the running sender has nothing to do now: no message claimed and none claimable (what waits for a
     * later time, such as quiet hours or a 429, does not count). For tests and the benchmark; false on timeout.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return await(() -> idle, timeout);
    }

    /** Waits until the counts satisfy {@code condition} (checked after every outcome); false on timeout. */
    public boolean awaitCounts(Predicate<Counts> condition, Duration timeout) throws InterruptedException {
        return await(() -> condition.test(counts()), timeout);
    }

    /** Whether {@link #close()} has begun. */
    public boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /** When Telegram last accepted a message from this sender. */
    public Optional<Instant> lastSent() {
        return Optional.ofNullable(lastSent.get());
    }

    public Counts counts() {
        return new Counts(sent.get(), rateLimited.get(), transientFailures.get(), dead.get(), deactivated.get(),
                migrated.get());
    }

    /**
     * Stops: no new claims; messages still queued or waiting for their slot go back to the outbox unsent; messages
     * already on the wire finish (up to {@code stopTimeout}) and are recorded. Idempotent.
     */
    @Override
    public void close() {
        List<OutboxMessage> unsent;
        lock.lock();
        try {
            if (stopping) {
                return;
            }
            stopping = true;
            unsent = new ArrayList<>(queue);
            queue.clear();
            waitingForSlot.forEach(Thread::interrupt);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (OutboxMessage message : unsent) {
            putBack(message);
        }
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
        try {
            for (Thread thread : running) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (thread.isAlive()) {
                    log.warn("{} still has a message on the wire after {}; it goes out again at the next start",
                            thread.getName(), settings.stopTimeout());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the loops ----------------------------------------------------------------------------------------------

    private void claimLoop() {
        while (true) {
            long seen;
            int room;
            lock.lock();
            try {
                if (stopping) {
                    return;
                }
                seen = wakeups;
                // Top up when the queue is half empty: few large claims rather than many small ones.
                room = outstanding <= capacity / 2 ? capacity - outstanding : 0;
            } finally {
                lock.unlock();
            }
            try {
                if (room == 0) {
                    awaitWake(seen, settings.maxIdle()); // a worker that finishes wakes us
                    continue;
                }
                List<OutboxMessage> claimed = outbox.claimDue(room);
                if (!claimed.isEmpty()) {
                    hand(claimed);
                    continue;
                }
                Duration wait = untilNextDue();
                markIdleIfQuiet(seen);
                awaitWake(seen, wait);
            } catch (RuntimeException e) {
                log.error("the outbox could not be read; trying again shortly", e);
                awaitWake(seen, Duration.ofSeconds(1));
            }
        }
    }

    private void hand(List<OutboxMessage> claimed) {
        List<OutboxMessage> late = List.of();
        lock.lock();
        try {
            if (stopping) {
                late = claimed; // claimed as we stopped: back to the outbox
            } else {
                queue.addAll(claimed);
                outstanding += claimed.size();
                idle = false;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        late.forEach(this::putBack);
    }

    private void workLoop() {
        while (true) {
            OutboxMessage message;
            lock.lock();
            try {
                while (queue.isEmpty() && !stopping) {
                    changed.awaitUninterruptibly();
                }
                if (stopping) {
                    return;
                }
                message = queue.pollFirst();
            } finally {
                lock.unlock();
            }
            try {
                send(message);
            } finally {
                lock.lock();
                try {
                    outstanding--;
                    wakeups++; // the chat's next message may be claimable now
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** How long to sleep when nothing could be claimed: until the next message is due, at most {@code maxIdle}. */
    private Duration untilNextDue() {
        Optional<Instant> next = outbox.nextDue();
        if (next.isEmpty()) {
            return settings.maxIdle();
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        if (wait.isNegative() || wait.isZero()) {
            // Due, yet not claimable: it waits behind a message of its chat that a worker holds, and that worker
            // wakes us when it is done.
            return settings.maxIdle();
        }
        return wait.compareTo(settings.maxIdle()) > 0 ? settings.maxIdle() : wait;
    }

    private void markIdleIfQuiet(long seen) {
        lock.lock();
        try {
            if (wakeups == seen && outstanding == 0) {
                idle = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitWake(long seen, Duration atMost) {
        long nanos = atMost.toNanos();
        lock.lock();
        try {
            while (!stopping && wakeups == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---- one message ------------------------------------------------------------------------------------------

    private void send(OutboxMessage claimed) {
        try {
            OutgoingMessage message;
            try {
                message = OutboxCodec.toMessage(claimed.chatId(), claimed.message());
            } catch (IllegalArgumentException e) {
                dead.incrementAndGet();
                outbox.markDead(claimed.id(), "cannot be sent: " + e.getMessage());
                return;
            }
            SendOutcome outcome;
            try {
                outcome = sender.deliver(message);
            } catch (InterruptedException e) {
                putBack(claimed); // stopping while it waited for its slot: it never went
                return;
            }
            record(claimed, outcome);
        } catch (RuntimeException e) {
            // The store failed (or was closed under us): the message stays SENDING and goes out again after the
            // next start, which is exactly the crash case.
            log.error("could not record what became of outbox message {}: {}", claimed.id(), e.toString());
        } finally {
            signalChange();
        }
    }

    /** A claimed message that was never sent goes back to the outbox as it was. */
    private void putBack(OutboxMessage claimed) {
        try {
            outbox.retryAt(claimed.id(), claimed.nextAttempt(), "not sent yet: the bot stopped");
        } catch (RuntimeException e) {
            log.warn("could not put outbox message {} back ({}); it goes out again at the next start", claimed.id(),
                    e.toString());
        }
    }

    private void signalChange() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void record(OutboxMessage claimed, SendOutcome outcome) {
        long id = claimed.id();
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Sent s) {
            outbox.markSent(id, (long) s.messageId());
            lastSent.set(now);
            sent.incrementAndGet();
        } else if (outcome instanceof SendOutcome.RetryAfter r) {
            rateLimited.incrementAndGet();
            outbox.retryAt(id, now.plus(r.delay()), "429 Too Many Requests: retry after " + r.delay().toSeconds()
                    + "s" + (r.global() ? " (everyone)" : ""));
        } else if (outcome instanceof SendOutcome.Transient t) {
            transientFailures.incrementAndGet();
            Backoff retry = settings.retry();
            if (claimed.attempts() >= retry.maxAttempts()) {
                dead.incrementAndGet();
                outbox.markDead(id, "gave up after " + claimed.attempts() + " attempts: " + t.reason());
            } else {
                outbox.retryAt(id, now.plus(retry.delay(claimed.attempts())), t.reason());
            }
        } else if (outcome instanceof SendOutcome.ChatUnavailable gone) {
            String reason = gone.reason().name().toLowerCase(Locale.ROOT) + ": " + gone.description();
            log.info("chat {} can no longer receive messages ({}); it is now inactive", claimed.chatId(), reason);
            chats.deactivate(claimed.chatId(), reason);
            outbox.markDead(id, reason);
            dead.incrementAndGet();
            deactivated.incrementAndGet();
        } else if (outcome instanceof SendOutcome.Migrated moved) {
            migrated.incrementAndGet();
            log.info("chat {} became supergroup {}; its messages follow it", claimed.chatId(), moved.toChatId());
            if (chats.migrate(claimed.chatId(), moved.toChatId())) {
                // The message moved with the chat (still claimed): it goes again, now, to the new id.
                outbox.retryAt(id, now, "moved to chat " + moved.toChatId());
            } else {
                outbox.enqueue(moved.toChatId(), List.of(claimed.message()));
                outbox.markDead(id, "moved to chat " + moved.toChatId());
            }
            wake();
        } else if (outcome instanceof SendOutcome.Rejected rejected) {
            dead.incrementAndGet();
            log.warn("Telegram refused outbox message {} for chat {}: {} {}", id, claimed.chatId(),
                    rejected.errorCode(), rejected.description());
            outbox.markDead(id, rejected.errorCode() + " " + rejected.description());
        } else if (outcome instanceof SendOutcome.Unauthorized unauthorized) {
            Duration hold = settings.retry().maxDelay();
            log.error("Telegram refused the bot token ({}); holding every message for {}", unauthorized.description(),
                    hold);
            limiter.pauseAll(hold);
            outbox.retryAt(id, now.plus(hold), "401 " + unauthorized.description());
        }
    }

    /**
     * The sleeper the workers wait for their slot with: {@link #close()} interrupts a worker only while it waits, so
     * a request already on the wire is never cut off (its outcome is still recorded).
     */
    private Sleeper stoppable(Sleeper inner) {
        return deadline -> {
            Thread me = Thread.currentThread();
            lock.lock();
            try {
                if (stopping) {
                    throw new InterruptedException("stopping");
                }
                waitingForSlot.add(me);
            } finally {
                lock.unlock();
            }
            try {
                inner.sleepUntil(deadline);
            } finally {
                lock.lock();
                try {
                    waitingForSlot.remove(me);
                } finally {
                    lock.unlock();
                }
            }
            lock.lock();
            try {
                if (stopping || Thread.interrupted()) {
                    throw new InterruptedException("stopping");
                }
            } finally {
                lock.unlock();
            }
        };
    }
}
