package dev.mojaz.delivery.outbox;

import dev.mojaz.common.Backoff;
import dev.mojaz.common.Sleeper;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message within the limits and sees it through: waits for its slot, honours 429 by waiting exactly
 * {@code retry_after}, retries transient failures with back-off, and hands back anything it cannot fix
 * (the chat is gone, it moved, the request is wrong, or a wait longer than {@link Backoff#maxDelay()}, which
 * the outbox should schedule rather than sleep through). Thread-safe: several workers may share one sender,
 * and the shared {@link RateLimiter} keeps them within the limits together.
 */
public final class MessageSender {
    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final MessageGateway gateway;
    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;

    public MessageSender(MessageGateway gateway, RateLimiter limiter, Sleeper sleeper, Clock clock, Backoff backoff) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Sends {@code message}; returns {@link SendOutcome.Sent} or the outcome that stopped it. */
    public SendOutcome deliver(OutgoingMessage message) throws InterruptedException {
        return withinLimits(message.chatId(), () -> gateway.send(message));
    }

    /** Edits a message the bot sent, within the same limits as sending. */
    public SendOutcome edit(MessageEdit edit) throws InterruptedException {
        return withinLimits(edit.chatId(), () -> gateway.edit(edit));
    }

    /**
     * Answers a button press. Answers do not count against the message limits, but they must arrive within
     * seconds of the press, so a transient failure is retried only once and a 429 is not waited for.
     */
    public SendOutcome answer(CallbackAnswer answer) {
        SendOutcome outcome = gateway.answer(answer);
        return outcome instanceof SendOutcome.Transient ? gateway.answer(answer) : outcome;
    }

    private SendOutcome withinLimits(long chatId, Supplier<SendOutcome> request) throws InterruptedException {
        int transientFailures = 0;
        int floodWaits = 0;
        while (true) {
            sleeper.sleepUntil(limiter.reserve(chatId));
            if (!limiter.isClear(chatId)) {
                continue; // a 429 arrived for this chat (or everyone) while we waited: book again after it
            }
            Optional<Instant> notYet;
            while ((notYet = limiter.admit(chatId)).isPresent()) {
                sleeper.sleepUntil(notYet.get()); // we woke late and the ones after us went: keep to the window
            }
            SendOutcome outcome = request.get();
            if (outcome instanceof SendOutcome.RetryAfter retry) {
                if (retry.global()) {
                    limiter.pauseAll(retry.delay());
                } else {
                    limiter.retryAfter(chatId, retry.delay());
                }
                floodWaits++;
                if (retry.delay().compareTo(backoff.maxDelay()) > 0 || floodWaits >= backoff.maxAttempts()) {
                    return outcome;
                }
                log.info("Telegram asked to wait {} before chat {}", retry.delay(), chatId);
            } else if (outcome instanceof SendOutcome.Transient failure) {
                transientFailures++;
                if (transientFailures >= backoff.maxAttempts()) {
                    return outcome;
                }
                Duration delay = backoff.delay(transientFailures);
                log.info("sending to chat {} failed ({}); retry {} in {}", chatId, failure.reason(), transientFailures, delay);
                sleeper.sleepUntil(clock.instant().plus(delay));
            } else {
                return outcome;
            }
        }
    }
}
