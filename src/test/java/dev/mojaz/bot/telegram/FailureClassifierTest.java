package dev.mojaz.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.delivery.outbox.SendOutcome;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/** The classification rules on their own; the gateway tests show the same answers arriving over HTTP. */
@Tag("fast")
class FailureClassifierTest {
    @Test
    void retryAfterComesFromParametersOrElseFromTheText() {
        assertThat(FailureClassifier.classify(429, "Too Many Requests: retry after 35", new ResponseParameters(null, 35), 9, true))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(35), 9, false));
        assertThat(FailureClassifier.classify(429, "Too Many Requests: retry after 12", null, 9, true))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(12), 9, false));
        assertThat(FailureClassifier.classify(429, "Too Many Requests", null, 9, false))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(1), 9, true));
    }

    @Test
    void migrationWinsWhateverTheCode() {
        assertThat(FailureClassifier.classify(400, "Bad Request: group chat was upgraded to a supergroup chat",
                new ResponseParameters(-1001L, null), -5, true)).isEqualTo(new SendOutcome.Migrated(-5, -1001L));
    }

    @Test
    void badRequestsThatAreNotAboutTheChatAreRejections() {
        assertThat(FailureClassifier.classify(400, "Bad Request: can't parse entities: Unsupported start tag", null, 1, true))
                .isInstanceOf(SendOutcome.Rejected.class);
        assertThat(FailureClassifier.classify(409, "Conflict: terminated by other getUpdates request", null, 0, false))
                .isInstanceOf(SendOutcome.Rejected.class);
        assertThat(FailureClassifier.classify(400, "Bad Request: PEER_ID_INVALID", null, 1, true))
                .isEqualTo(new SendOutcome.ChatUnavailable(1, SendOutcome.Reason.NOT_FOUND, "Bad Request: PEER_ID_INVALID"));
    }

    @Test
    void exceptionsWithoutATelegramAnswerAreTransient() {
        TelegramApiException timeout = new TelegramApiException("Unable to execute sendmessage method",
                new SocketTimeoutException("timeout"));
        assertThat(FailureClassifier.classify(timeout, 1, true)).isInstanceOf(SendOutcome.Transient.class);
        TelegramApiRequestException unreadable = new TelegramApiRequestException("Unable to deserialize response",
                new IOException("Unexpected character '<'"));
        assertThat(FailureClassifier.classify(unreadable, 1, true)).isInstanceOf(SendOutcome.Transient.class);
    }

    @Test
    void aRequestRefusedBeforeSendingIsRejected() {
        assertThat(FailureClassifier.classify(new TelegramApiValidationException("Text can't be empty", (org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod<?>) null), 1, true))
                .isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void anInterruptedSendKeepsTheInterrupt() {
        try {
            SendOutcome outcome = FailureClassifier.classify(
                    new TelegramApiException("Unable to execute", new InterruptedException()), 1, true);
            assertThat(outcome).isEqualTo(new SendOutcome.Transient("interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
