package dev.mojaz.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.chat.PerChatExecutor;
import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.DaemonThreads;
import dev.mojaz.common.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by long polling (TelegramBots' {@link TelegramBotsLongPollingApplication}) and hands each to an
 * {@link IncomingHandler}: updates of different chats at the same time, on up to {@code workers} threads; updates of
 * one chat strictly in order ({@link PerChatExecutor}). A group's migration to a supergroup concerns two chats, so it
 * waits for everything before it and holds everything after it.
 *
 * <p><b>Acknowledgement.</b> Telegram forgets an update once a getUpdates {@code offset} passes it. The offset sent
 * is one past the low-water mark ({@link UpdateWindow}): the last update such that it and every earlier one is done.
 * An update of another chat that finished first is not acknowledged before the ones under it, so a crash never
 * skips a command; what comes again after a restart is skipped by the handler when its turn had committed
 * ({@link UpdateOffsetStore#wasHandled}). The mark is saved in the {@link UpdateOffsetStore} before each poll.
 *
 * <p><b>When handling fails.</b> {@link HandlingDeferred} (the database busy or full) holds the update: the same
 * update is tried again after a back-off ({@code telegram.retry}, at most {@value #LONGEST_WAIT_SECONDS} s), nothing
 * past it is acknowledged meanwhile, and {@link #pause()} says so for the health report. Any other exception is a
 * fault in that one update: it is logged and the update counts as done.
 *
 * <p>While an update is in hand, Telegram answers getUpdates at once with it again; so after handing a batch out,
 * the poll waits until one of them finishes (or a second passes) before asking again, rather than spinning.
 *
 * <p>{@link #close()} stops polling, cancels the poll in flight, and interrupts the updates in hand (they come again
 * after a restart, unless their turn had committed), leaving no thread behind.
 */
public final class LongPollingIntake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongPollingIntake.class);
    private static final int BATCH = 100;
    /** Updates handled at once unless told otherwise: turns wait on the database and Telegram, not the CPU. */
    public static final int DEFAULT_WORKERS = 4;
    private static final long LONGEST_WAIT_SECONDS = 30;
    /**
     * The longest wait between two tries, of getUpdates after Telegram failed or of an update the store refused:
     * once the outage is over, people should not wait minutes more for an answer.
     */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(LONGEST_WAIT_SECONDS);
    /** How long a poll waits for an update in hand to finish before asking Telegram again anyway. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final TelegramConnection connection;
    private final UpdateOffsetStore offsets;
    private final IncomingHandler handler;
    private final Backoff backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int workerCount;
    private final ScheduledExecutorService pollThread;
    private final OkHttpClient http;
    /** Updates held back by a failing store, by id: when each first failed and the latest reason. */
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private TelegramBotsLongPollingApplication application;
    private PerChatExecutor workers;
    private UpdateWindow window;
    private long savedMark;
    private volatile boolean closing;
    private volatile Instant lastPoll;

    private record Held(Instant since, String reason) {
    }

    /** {@value #DEFAULT_WORKERS} workers, and real waits between retries. */
    public LongPollingIntake(TelegramConnection connection, UpdateOffsetStore offsets, IncomingHandler handler,
                             Backoff backoff, Clock clock) {
        this(connection, offsets, handler, backoff, clock, DEFAULT_WORKERS, Sleeper.system(clock));
    }

    /**
     * @param backoff waits after a failed getUpdates, and before handling an update again after the store failed
     *                ({@code telegram.retry}, capped at {@value #LONGEST_WAIT_SECONDS} s)
     * @param clock   for the time of the last successful poll and of a pause
     * @param workers updates of different chats handled at once ({@code telegram.update-workers})
     * @param sleeper waits between tries of an update the store refused (tests pass one that does not sleep)
     */
    public LongPollingIntake(TelegramConnection connection, UpdateOffsetStore offsets, IncomingHandler handler,
                             Backoff backoff, Clock clock, int workers, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workerCount = workers;
        this.pollThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mojaz-telegram-poll"));
        OkHttpClient base = connection.newPollingHttpClient();
        this.http = base.newBuilder().addInterceptor(this::reportFailures).build();
    }

    /** Deletes any webhook (TelegramBots does so first) and starts polling after the saved low-water mark. */
    public synchronized void start() throws TelegramException {
        if (application != null) {
            throw new IllegalStateException("already started");
        }
        savedMark = offsets.lastHandled();
        window = new UpdateWindow(savedMark);
        workers = new PerChatExecutor("mojaz-telegram-update", workerCount);
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollThread,
                () -> new PollBackOff(backoff));
        try {
            application.registerBot(connection.token(), connection::url, this::getUpdates, new Consumer());
        } catch (TelegramApiException e) {
            throw new TelegramException(e);
        }
        log.info("polling {} for updates after {}, {} at a time", connection.url().getHost(), savedMark, workerCount);
    }

    public synchronized boolean isRunning() {
        return application != null && application.isRunning();
    }

    /** When getUpdates last answered successfully (for the health report); empty before the first answer. */
    public Optional<Instant> lastSuccessfulPoll() {
        return Optional.ofNullable(lastPoll);
    }

    /** Whether updates are held back because the store keeps failing (for the health report). */
    public Optional<IntakePause> pause() {
        List<Held> now = List.copyOf(held.values());
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Held first = now.stream().min(Comparator.comparing(Held::since)).orElseThrow();
        Held latest = now.stream().max(Comparator.comparing(Held::since)).orElseThrow();
        return Optional.of(new IntakePause(first.since(), now.size(), latest.reason()));
    }

    /** Stops polling and the updates in hand (they come again after a restart); idempotent. */
    @Override
    public synchronized void close() {
        closing = true;
        try {
            if (application != null) {
                application.close();
            }
        } catch (Exception e) {
            log.warn("stopping the poller: {}", e.toString());
        }
        http.dispatcher().cancelAll();
        pollThread.shutdownNow();
        try {
            if (!pollThread.awaitTermination(connection.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the poller did not stop within {}", connection.requestTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (workers != null) {
            workers.close(connection.requestTimeout());
            saveMark(window.mark()); // what finished since the last poll need not come again after the restart
        }
        http.connectionPool().evictAll();
    }

    /**
     * TelegramBots logs every failed poll with a stack trace, a stop included; its logger is silenced in
     * logback.xml and the failures that matter are reported here, one line each.
     */
    private okhttp3.Response reportFailures(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        String method = chain.request().url().pathSegments().get(chain.request().url().pathSize() - 1);
        try {
            okhttp3.Response response = chain.proceed(chain.request());
            if (response.isSuccessful()) {
                if (method.equalsIgnoreCase("getupdates")) {
                    lastPoll = clock.instant();
                }
            } else {
                log.warn("{} answered {}: {}", method, response.code(), response.peekBody(300).string().strip());
            }
            return response;
        } catch (java.io.IOException e) {
            if (!closing) {
                log.warn("polling Telegram failed: {}", e.toString());
            }
            throw e;
        }
    }

    /** The next getUpdates: after the low-water mark, which is saved first. */
    private GetUpdates getUpdates(Integer lastReceived) {
        long mark = window.mark();
        saveMark(mark);
        return GetUpdates.builder()
                .offset((int) Math.min(Integer.MAX_VALUE, mark + 1))
                .limit(BATCH)
                .timeout((int) Math.max(0, connection.pollTimeout().toSeconds()))
                .allowedUpdates(UpdateParser.ALLOWED_UPDATES)
                .build();
    }

    /**
     * Saves the mark when it moved. A failure costs nothing but work after a restart (updates above the saved mark
     * come again and are skipped as handled), so polling goes on.
     */
    private void saveMark(long mark) {
        if (mark <= savedMark) {
            return;
        }
        try {
            offsets.handled(mark);
            savedMark = mark;
        } catch (RuntimeException e) {
            log.warn("could not save update {} as the last acknowledged: {}", mark, e.toString());
        }
    }

    private final class Consumer implements LongPollingUpdateConsumer {
        /**
         * Hands the new updates out, then waits for one in hand to finish. Never throws: an exception escaping here
         * would end TelegramBots' polling task for good, silently.
         */
        @Override
        public void consume(List<Update> updates) {
            long finishedBefore = window.finished();
            try {
                for (Update update : updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).toList()) {
                    if (closing || Thread.currentThread().isInterrupted()) {
                        return; // stopping: what is left comes again after the restart
                    }
                    handOut(update);
                }
                window.awaitProgress(finishedBefore, RECHECK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("handing out updates failed", e);
            }
        }

        private void handOut(Update update) throws InterruptedException {
            long id = update.getUpdateId();
            Optional<Incoming> parsed;
            try {
                parsed = UpdateParser.parse(update);
            } catch (RuntimeException | StackOverflowError e) {
                if (window.receive(id)) {
                    log.error("update {} could not be read; going on with the next", id, e);
                    window.done(id);
                }
                return;
            }
            if (parsed.isPresent() && parsed.get() instanceof Incoming.Migration) {
                // It moves one chat's settings to another chat: nothing of either may run beside it.
                window.awaitIdle();
                if (window.receive(id)) {
                    handleUntilDone(id, parsed.get());
                }
                return;
            }
            if (!window.receive(id)) {
                return; // handed out before (Telegram sends everything above the mark again), or done
            }
            if (parsed.isEmpty()) {
                window.done(id); // nothing the bot acts on
                return;
            }
            Incoming incoming = parsed.get();
            try {
                workers.execute(incoming.chat().id(), () -> handleUntilDone(id, incoming));
            } catch (RejectedExecutionException stopping) {
                // closing: the update comes again after the restart
            }
        }
    }

    /**
     * Handles one update; while the handler defers it (the store failing), tries the same update again after a
     * back-off. Returns without marking it done only when stopping.
     */
    private void handleUntilDone(long id, Incoming incoming) {
        for (int failures = 0; ; ) {
            if (closing || Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                handler.handle(incoming);
                finish(id, failures);
                return;
            } catch (HandlingDeferred e) {
                failures++;
                Duration wait = retryDelay(backoff, failures);
                Held before = held.get(id);
                held.put(id, new Held(before == null ? clock.instant() : before.since(), e.getMessage()));
                log.warn("update {} held back ({} failed tries), trying again in {}: {}", id, failures, wait,
                        e.getMessage());
                try {
                    sleeper.sleepUntil(clock.instant().plus(wait));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping: the update is left for next time
            } catch (RuntimeException | StackOverflowError e) {
                log.error("update {} could not be handled; going on with the next", id, e);
                finish(id, failures);
                return;
            }
        }
    }

    private void finish(long id, int failures) {
        if (held.remove(id) != null) {
            log.info("update {} handled after {} failed tries", id, failures);
        }
        window.done(id);
    }

    /** The wait before try {@code retry} + 1: the back-off, never more than {@link #LONGEST_WAIT}. */
    static Duration retryDelay(Backoff backoff, int retry) {
        Duration delay = backoff.delay(Math.min(retry, 30));
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }

    /** TelegramBots' back-off after a failed getUpdates, from our retry settings, never more than {@link #LONGEST_WAIT}. */
    static final class PollBackOff implements BackOff {
        private final Backoff backoff;
        private int failures;

        PollBackOff(Backoff backoff) {
            this.backoff = backoff;
        }

        @Override
        public void reset() {
            failures = 0;
        }

        @Override
        public long nextBackOffMillis() {
            failures = Math.min(failures + 1, 30);
            return retryDelay(backoff, failures).toMillis();
        }
    }
}
