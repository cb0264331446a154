package dev.mojaz.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.chat.MemoryUpdateOffsets;
import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The long-polling intake against the fake Bot API server, with handlers that block, fail for now or fail for good
 * on cue: what runs at the same time, what waits, and what is acknowledged to Telegram when.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("fast")
class LongPollingIntakeTest {
    private static final FakeUser AMAL = FakeUser.arabic(501, "أمل");
    private static final FakeUser BASEL = FakeUser.arabic(502, "باسل");
    private static final FakeChat AMAL_CHAT = FakeChat.privateWith(AMAL);
    private static final FakeChat BASEL_CHAT = FakeChat.privateWith(BASEL);
    /** Generous: the machine may be loaded; a correct intake answers in milliseconds. */
    private static final long WAIT_SECONDS = 20;

    private FakeTelegramServer server;
    private TelegramConnection connection;
    private LongPollingIntake intake;
    private final BlockingQueue<String> handled = new LinkedBlockingQueue<>();

    @BeforeEach
    void startServer() {
        server = FakeTelegramServer.start();
        connection = new TelegramConnection(server.baseUri(), server.token(), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.close();
        }
        connection.close();
        server.close();
    }

    private void start(IncomingHandler handler, Sleeper sleeper) throws Exception {
        intake = new LongPollingIntake(connection, new MemoryUpdateOffsets(), handler,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10), 3), Clock.systemUTC(), 2, sleeper);
        intake.start();
    }

    private static String text(Incoming incoming) {
        return ((Incoming.Message) incoming).text();
    }

    private String nextHandled() throws InterruptedException {
        String next = handled.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("an update handled within %d s", WAIT_SECONDS).isNotNull();
        return next;
    }

    /** The offsets of every getUpdates so far. */
    private List<Long> offsetsSent() {
        return server.calls("getupdates").stream().map(call -> call.params().path("offset").asLong(0)).toList();
    }

    @Test
    void otherChatsGoOnWhileOneChatsUpdateIsInHandAndNothingPastItIsAcknowledged() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        start(incoming -> {
            if (text(incoming).equals("a1")) {
                releaseFirst.await();
            }
            handled.add(text(incoming));
        }, Sleeper.system(Clock.systemUTC()));
        int a1 = server.sendText(AMAL_CHAT, AMAL, "a1");
        server.sendText(BASEL_CHAT, BASEL, "b1");
        server.sendText(AMAL_CHAT, AMAL, "a2");

        assertThat(nextHandled()).as("another chat is not kept waiting").isEqualTo("b1");
        // two more polls after b1 finished: neither may confirm it while a1, before it, is unfinished
        int polls = server.calls("getupdates").size();
        server.awaitCalls("getupdates", polls + 2);
        assertThat(offsetsSent()).allMatch(offset -> offset <= a1);
        assertThat(server.unconfirmedUpdates()).isEqualTo(3);
        assertThat(handled).as("a chat's next update waits for the one before it").isEmpty();

        releaseFirst.countDown();
        assertThat(List.of(nextHandled(), nextHandled())).containsExactly("a1", "a2");
        server.awaitAllUpdatesConfirmed();
    }

    @Test
    void anUpdateTheStoreRefusesIsHeldTriedAgainAndHandledOnceThenTheNextOne() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        Semaphore retry = new Semaphore(0);
        BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
        start(incoming -> {
            if (text(incoming).equals("/subscribe سوريا") && tries.incrementAndGet() <= 2) {
                refusals.add("refused");
                throw new HandlingDeferred("database error: [SQLITE_BUSY] the database file is locked", null);
            }
            handled.add(text(incoming));
        }, deadline -> retry.acquire());
        int first = server.sendText(AMAL_CHAT, AMAL, "/subscribe سوريا");
        server.sendText(AMAL_CHAT, AMAL, "/list");

        assertThat(refusals.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        int polls = server.calls("getupdates").size();
        server.awaitCalls("getupdates", polls + 2);
        assertThat(intake.pause()).hasValueSatisfying(pause -> {
            assertThat(pause.updates()).isEqualTo(1);
            assertThat(pause.describe()).startsWith("intake paused: store failing since ").contains("SQLITE_BUSY");
        });
        assertThat(offsetsSent()).as("the held update is not acknowledged").allMatch(offset -> offset <= first);
        assertThat(handled).as("nor is the chat's next update handled before it").isEmpty();

        retry.release();
        assertThat(refusals.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        retry.release();
        assertThat(List.of(nextHandled(), nextHandled())).containsExactly("/subscribe سوريا", "/list");
        assertThat(tries).hasValue(3);
        server.awaitAllUpdatesConfirmed();
        assertThat(intake.pause()).isEmpty();
    }

    @Test
    void aFaultInHandlingOneUpdateIsNotRetriedAndDoesNotHoldTheQueue() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        start(incoming -> {
            if (text(incoming).equals("bad")) {
                tries.incrementAndGet();
                throw new IllegalStateException("a bug in handling this one message");
            }
            handled.add(text(incoming));
        }, deadline -> {
            throw new AssertionError("a fault is not waited on");
        });
        server.sendText(AMAL_CHAT, AMAL, "bad");
        server.sendText(AMAL_CHAT, AMAL, "good");

        assertThat(nextHandled()).isEqualTo("good");
        server.awaitAllUpdatesConfirmed();
        assertThat(tries).hasValue(1);
        assertThat(intake.pause()).isEmpty();
    }

    @Test
    void updatesAreHandledOnceEvenWhenTelegramSendsThemAgainWhileInHand() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        start(incoming -> {
            all.add(text(incoming));
            if (text(incoming).equals("slow")) {
                release.await();
            }
            handled.add(text(incoming));
        }, Sleeper.system(Clock.systemUTC()));
        server.sendText(AMAL_CHAT, AMAL, "slow");
        server.sendText(BASEL_CHAT, BASEL, "quick");
        assertThat(nextHandled()).isEqualTo("quick");
        // every poll while "slow" is in hand gets both updates again
        int polls = server.calls("getupdates").size();
        server.awaitCalls("getupdates", polls + 2);

        release.countDown();
        assertThat(nextHandled()).isEqualTo("slow");
        server.awaitAllUpdatesConfirmed();
        assertThat(all).containsExactlyInAnyOrder("slow", "quick");
    }

    @Test
    void afterATelegramOutageThePollWaitsAtMostThirtySecondsNotTheRetryMaximum() {
        // telegram.retry as configured by default: 1s doubling up to 5m
        LongPollingIntake.PollBackOff backOff = new LongPollingIntake.PollBackOff(
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 6));
        List<Long> waits = IntStream.range(0, 12).mapToObj(i -> backOff.nextBackOffMillis()).toList();

        assertThat(waits).startsWith(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L);
        assertThat(waits).allMatch(wait -> wait <= 30_000L).endsWith(30_000L);
        backOff.reset();
        assertThat(backOff.nextBackOffMillis()).isEqualTo(1_000L);
    }
}
