package dev.mojaz.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeSleeper;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.Fault;
import dev.mojaz.bot.fake.RateRules;
import dev.mojaz.bot.telegram.TelegramConnection;
import dev.mojaz.bot.telegram.TelegramGateway;
import dev.mojaz.common.Backoff;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.html.Html;
import dev.mojaz.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sender against the fake server, both on one fake clock: waits are exact and instantaneous, and the fake's
 * flood limits are measured in the same time the limiter plans in.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class MessageSenderTest {
    private static final long CHAT = 3003;
    private static final TelegramConfig CONFIG = new ConfigLoader(Map.of()).defaults().telegram();

    private final FakeClock clock = FakeClock.at("2026-11-23T08:00:00Z");
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private FakeTelegramServer server;
    private TelegramConnection connection;
    private MessageSender sender;
    private RateLimiter limiter;

    @BeforeEach
    void start() {
        server = FakeTelegramServer.builder().clock(clock).rateRules(RateRules.telegram()).start();
        connection = new TelegramConnection(server.baseUri(), server.token(), Duration.ofSeconds(30), Duration.ofSeconds(1));
        limiter = new RateLimiter(CONFIG.limits(), clock);
        sender = new MessageSender(new TelegramGateway(connection.client()), limiter, sleeper, clock,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 4));
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private static OutgoingMessage message(long chat, String text) {
        return OutgoingMessage.of(chat, Html.text(text));
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedExactly() throws Exception {
        Instant start = clock.instant();
        server.failNextFor(CHAT, Fault.tooManyRequests(7));

        SendOutcome outcome = sender.deliver(message(CHAT, "خبر عاجل"));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(CHAT, 1));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        List<FakeTelegramServer.Call> calls = server.calls("sendMessage");
        assertThat(calls).extracting(FakeTelegramServer.Call::status).containsExactly(429, 200);
        assertThat(Duration.between(start, calls.get(1).at())).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void otherChatsGoOnWhileOneWaits() throws Exception {
        server.failNextFor(CHAT, Fault.tooManyRequests(30));
        // a wait longer than the back-off's longest is handed back (the outbox reschedules it) rather than slept
        MessageSender impatient = new MessageSender(new TelegramGateway(connection.client()), limiter, sleeper, clock,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 4));
        assertThat(impatient.deliver(message(CHAT, "أ"))).isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(30), CHAT, false));
        assertThat(limiter.isClear(CHAT)).isFalse();
        assertThat(impatient.deliver(message(CHAT + 1, "ب"))).isInstanceOf(SendOutcome.Sent.class);
        assertThat(sleeper.total()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void transientFailuresAreRetriedWithGrowingBackOff() throws Exception {
        server.failNextFor(CHAT, Fault.serverError());
        server.failNextFor(CHAT, Fault.badGateway());
        server.failNextFor(CHAT, Fault.serverError());

        assertThat(sender.deliver(message(CHAT, "نص"))).isEqualTo(new SendOutcome.Sent(CHAT, 1));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void transientFailuresStopAfterTheLastAttempt() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.failNextFor(CHAT, Fault.serverError());
        }
        assertThat(sender.deliver(message(CHAT, "نص"))).isInstanceOf(SendOutcome.Transient.class);
        assertThat(server.calls("sendMessage")).hasSize(4);
    }

    @Test
    void aBlockedChatIsNotRetried() throws Exception {
        server.blockedBy(CHAT);
        SendOutcome outcome = sender.deliver(message(CHAT, "نص"));
        assertThat(outcome).isInstanceOf(SendOutcome.ChatUnavailable.class);
        assertThat(((SendOutcome.ChatUnavailable) outcome).reason()).isEqualTo(SendOutcome.Reason.BLOCKED);
        assertThat(server.calls("sendMessage")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aMigratedGroupIsReportedWithItsNewId() throws Exception {
        server.migratedTo(-77, -1007700000000L);
        assertThat(sender.deliver(message(-77, "نص"))).isEqualTo(new SendOutcome.Migrated(-77, -1007700000000L));
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void aDigestToTwoThousandChatsKeepsEveryLimitAndRunsAtTheCap() throws Exception {
        Instant start = clock.instant();
        int chats = 2_000;
        for (long chat = 1; chat <= chats; chat++) {
            long id = chat % 10 == 0 ? -chat : chat;
            assertThat(sender.deliver(message(id, "موجزك اليوم " + chat))).isInstanceOf(SendOutcome.Sent.class);
        }
        assertThat(server.violations()).isZero();
        assertThat(server.calls("sendMessage")).allMatch(c -> c.status() == 200);
        Duration span = Duration.between(start, server.sent().get(chats - 1).at());
        // 30 a second, each run of 30 at least a second and RateLimiter.ARRIVAL_JITTER after the run before it: the
        // last message (1,999 = 66 × 30 + 19) goes at 66 × 1.01 s + 19/30 s, 99% of the cap.
        long last = chats - 1;
        long expected = (last / 30) * (1_000_000_000L + RateLimiter.ARRIVAL_JITTER)
                + (long) Math.ceil((last % 30) * 1e9 / 30);
        assertThat(span).isEqualTo(Duration.ofNanos(expected));
    }

    @Test
    void digestsInSeveralPartsRespectChatAndGroupLimits() throws Exception {
        List<OutgoingMessage> queue = new ArrayList<>();
        for (int part = 1; part <= 25; part++) {
            for (long chat : new long[] {11, 12, -13, -14}) {
                queue.add(message(chat, "الجزء " + part));
            }
        }
        for (OutgoingMessage m : queue) {
            assertThat(sender.deliver(m)).isInstanceOf(SendOutcome.Sent.class);
        }
        assertThat(server.violations()).isZero();
        assertThat(server.sentTo(-13)).hasSize(25);
        // the 21st message to a group waits for the minute to turn
        List<FakeTelegramServer.SentMessage> group = server.sentTo(-13);
        assertThat(Duration.between(group.get(0).at(), group.get(20).at())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withoutTheLimiterTheFakeCountsViolations() throws Exception {
        TelegramGateway raw = new TelegramGateway(connection.client());
        for (int i = 0; i < 40; i++) {
            raw.send(message(100 + i, "سيل"));
        }
        assertThat(server.violations()).isEqualTo(10);
        assertThat(raw.send(message(5, "x"))).isInstanceOf(SendOutcome.RetryAfter.class);
    }
}
