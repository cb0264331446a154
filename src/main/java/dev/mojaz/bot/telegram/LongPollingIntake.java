package dev.mojaz.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.send.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
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
 * Receives updates by long polling (TelegramBots' {@link TelegramBotsLongPollingApplication}) and hands each to
 * an {@link IncomingHandler}, in order, on one thread that this class owns and stops.
 *
 * <p>Each update is handled before the next getUpdates call, and that call's {@code offset} is one past the
 * last update recorded as handled in the {@link UpdateOffsetStore}. Telegram forgets an update only when a later
 * offset confirms it, so an update the bot received but did not finish (a crash, a stop) comes again after a
 * restart, and one it finished does not.
 *
 * <p>{@link #close()} stops polling, cancels the poll in flight and waits for the handler to finish the update in
 * hand (it is interrupted if it waits on something), leaving no thread behind.
 */
public final class LongPollingIntake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongPollingIntake.class);
    private static final int BATCH = 100;

    private final TelegramConnection connection;
    private final UpdateOffsetStore offsets;
    private final IncomingHandler handler;
    private final Backoff backoff;
    private final ScheduledExecutorService pollThread;
    private final OkHttpClient http;
    private TelegramBotsLongPollingApplication application;
    private volatile boolean closing;
    private volatile Instant lastPoll;
    private final Clock clock;

    /**
     * @param backoff waits after a failed getUpdates ({@code telegram.retry})
     * @param clock   for the time of the last successful poll
     */
    public LongPollingIntake(TelegramConnection connection, UpdateOffsetStore offsets, IncomingHandler handler,
                             Backoff backoff, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.pollThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mojaz-telegram-poll");
            thread.setDaemon(true);
            return thread;
        });
        OkHttpClient base = connection.newPollingHttpClient();
        this.http = base.newBuilder().addInterceptor(this::reportFailures).build();
    }

    /** Deletes any webhook (TelegramBots does so first) and starts polling. */
    public synchronized void start() throws TelegramApiException {
        if (application != null) {
            throw new IllegalStateException("already started");
        }
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollThread,
                () -> new PollBackOff(backoff));
        application.registerBot(connection.token(), connection::url, this::getUpdates, new Consumer());
        log.info("polling {} for updates after {}", connection.url().getHost(), offsets.lastHandled());
    }

    public synchronized boolean isRunning() {
        return application != null && application.isRunning();
    }

    /** When getUpdates last answered successfully (for the health report); empty before the first answer. */
    public Optional<Instant> lastSuccessfulPoll() {
        return Optional.ofNullable(lastPoll);
    }

    /** Stops polling and waits (up to the request timeout) for the update in hand; idempotent. */
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
                log.warn("the update handler did not finish within {}", connection.requestTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private GetUpdates getUpdates(Integer lastReceived) {
        long after = Math.max(lastReceived == null ? 0 : lastReceived, offsets.lastHandled());
        return GetUpdates.builder()
                .offset((int) Math.min(Integer.MAX_VALUE, after + 1))
                .limit(BATCH)
                .timeout((int) Math.max(0, connection.pollTimeout().toSeconds()))
                .allowedUpdates(UpdateParser.ALLOWED_UPDATES)
                .build();
    }

    private final class Consumer implements LongPollingUpdateConsumer {
        /**
         * Never throws: an exception escaping here would end TelegramBots' polling task for good, silently.
         */
        @Override
        public void consume(List<Update> updates) {
            List<Update> ordered = updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).toList();
            for (Update update : ordered) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // stopping: what is left comes again after the restart
                }
                long id = update.getUpdateId();
                try {
                    if (id <= offsets.lastHandled()) {
                        continue;
                    }
                    Optional<Incoming> incoming = UpdateParser.parse(update);
                    if (incoming.isPresent()) {
                        handler.handle(incoming.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | StackOverflowError e) {
                    log.error("update {} could not be handled; going on with the next", id, e);
                }
                try {
                    offsets.handled(id);
                } catch (RuntimeException e) {
                    // handled but not recorded: after a restart it may be handled once more (at least once)
                    log.error("could not record update {} as handled", id, e);
                }
            }
        }
    }

    /** TelegramBots' back-off after a failed getUpdates, from our retry settings. */
    private static final class PollBackOff implements BackOff {
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
            failures++;
            Duration delay = backoff.delay(Math.min(failures, 30));
            return delay.toMillis();
        }
    }
}
