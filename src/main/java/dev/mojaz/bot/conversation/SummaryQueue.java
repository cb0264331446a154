package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.PerChatExecutor;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.Sleeper;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.domain.Storage;
import dev.mojaz.domain.StoreException;
import dev.mojaz.domain.SummaryRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Link summaries made in the background, off the thread that handles updates: a page that trickles, hangs or
 * answers 503 with Retry-After keeps only its own request waiting (within {@code fetch.total-timeout}), never another
 * chat's answer.
 *
 * <p>Durable: a request is stored ({@code summary_requests}) in the transaction of the turn that answers "working on
 * it", and removed in the transaction that enqueues its summary (or the word on why there is none), so a restart in
 * between makes it then ({@link #resume()}). A request begun {@value #MAX_ATTEMPTS} times without an answer (a page
 * that brought the process down) is answered with a failure instead of being tried for ever.
 *
 * <p>Bounded: {@code workers} requests are made at once, one chat's one after another ({@link PerChatExecutor}), so
 * one person sending many links holds at most one worker; the per-person limit on summaries is checked before a
 * request is stored.
 */
final class SummaryQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SummaryQueue.class);
    static final int MAX_ATTEMPTS = 3;
    /** How long stopping waits for a summary being made; an unfinished one is made again after the restart. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** When the store fails to take an answer: tries, waiting 1 s, 2 s, … 30 s; then it waits for the next start. */
    private static final Backoff STORE_RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 10);

    private final Storage store;
    private final OutboxReplies replies;
    private final Function<SummaryRequest, OutgoingMessage> maker;
    private final Function<SummaryRequest, OutgoingMessage> failure;
    private final PerChatExecutor workers;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param maker   the answer to a request: its summary, or the word on why there is none (may take seconds)
     * @param failure the answer to a request that was begun too often
     */
    SummaryQueue(Storage store, OutboxReplies replies, int workers, Sleeper sleeper, Clock clock,
                 Function<SummaryRequest, OutgoingMessage> maker, Function<SummaryRequest, OutgoingMessage> failure) {
        this.store = Objects.requireNonNull(store, "store");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.maker = Objects.requireNonNull(maker, "maker");
        this.failure = Objects.requireNonNull(failure, "failure");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = new PerChatExecutor("mojaz-summary", workers);
    }

    /**
     * Stores a request in the running turn's transaction and has it made once that commits. Call it inside
     * {@link OutboxReplies#atomically}, with the "working on it" reply.
     */
    void add(long chatId, String url, String language) {
        SummaryRequest request = store.summaryRequests().add(chatId, url, language);
        replies.afterCommit(() -> submit(request));
    }

    /** Makes every stored request (those a previous run promised and did not answer); returns how many. */
    int resume() {
        List<SummaryRequest> waiting = store.summaryRequests().all();
        waiting.forEach(this::submit);
        if (!waiting.isEmpty()) {
            log.info("{} link summaries asked for before the restart are being made now", waiting.size());
        }
        return waiting.size();
    }

    private void submit(SummaryRequest request) {
        try {
            workers.execute(request.chatId(), () -> make(request.id()));
        } catch (RejectedExecutionException stopping) {
            // closed: the request stays stored and is made after the restart
        }
    }

    private void make(long requestId) {
        Optional<SummaryRequest> begun = store.summaryRequests().begin(requestId);
        if (begun.isEmpty()) {
            return; // answered already
        }
        SummaryRequest request = begun.get();
        OutgoingMessage answer;
        if (request.attempts() > MAX_ATTEMPTS) {
            log.warn("summary request {} ({}) was begun {} times without an answer; giving up", request.id(),
                    request.url(), request.attempts() - 1);
            answer = failure.apply(request);
        } else {
            try {
                answer = maker.apply(request);
            } catch (RuntimeException | StackOverflowError e) {
                log.error("making the summary of {} failed", request.url(), e);
                answer = failure.apply(request);
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // stopping, perhaps in the middle of the fetch: made again after the restart
        }
        deliver(request, answer);
    }

    /** Enqueues the answer and forgets the request, in one transaction; waits out a failing store for a while. */
    private void deliver(SummaryRequest request, OutgoingMessage answer) {
        for (int attempt = 1; ; attempt++) {
            try {
                // Only while the request still waits: another instance that resumed it too may have answered it.
                replies.enqueueOutsideTurnIf(answer, () -> store.summaryRequests().remove(request.id()));
                return;
            } catch (StoreException e) {
                if (!e.isTransient() || attempt >= STORE_RETRY.maxAttempts()) {
                    log.error("the summary of {} could not be stored; it is made again after the next start: {}",
                            request.url(), e.getMessage());
                    return;
                }
                try {
                    sleeper.sleepUntil(clock.instant().plus(STORE_RETRY.delay(attempt)));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops making summaries; the unfinished ones stay stored and are made after the restart. */
    @Override
    public void close() {
        workers.close(STOP_GRACE);
    }
}
