package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.store.SqlStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the bot in the middle of a digest to many chats, abruptly or gracefully: nothing lost, nothing twice. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class CrashRestartTest {
    private static final int CHATS = 40;
    private static final long FIRST_CHAT = 7000;

    @TempDir
    Path dir;
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    /** 40 chats whose digest is due at 08:00 Damascus time, each with two matching articles waiting. */
    private void digestsDueAtEight() throws Exception {
        rig = new BotRig(dir, "2026-11-20T04:30:00Z", "").start();
        for (int i = 0; i < CHATS; i++) {
            rig.subscribe(FIRST_CHAT + i, "الاقتصاد",
                    BotRig.arabic("Asia/Damascus").withDigestHours(List.of(8)).withAlerts(false));
        }
        rig.clock.advance(Duration.ofMinutes(1));
        rig.publish(BotRig.WIRE, "x1", "الخبر الأول", BotRig.prose(1, "الاقتصاد", 6));
        rig.publish(BotRig.WIRE, "x2", "الخبر الثاني", BotRig.prose(2, "الاقتصاد", 6));
        rig.pollAndDispatch();
        rig.clock.advanceTo(Instant.parse("2026-11-20T05:00:00Z"));
    }

    @Test
    void aCrashInTheMiddleOfADigestLosesNothingAndSendsNothingTwice() throws Exception {
        digestsDueAtEight();
        rig.telegram.holdSendsAfter(15);
        assertThat(rig.app().dispatchNow().digests()).isEqualTo(CHATS);
        rig.telegram.awaitHeldSends(1);
        // Every message Telegram accepted is recorded as sent: the crash comes between two messages, not inside the
        // one unavoidable window (after Telegram's answer, before markSent), which no client can close.
        assertThat(rig.app().sender().awaitCounts(c -> c.sent() == 15, Duration.ofSeconds(60))).isTrue();

        rig.crash();
        assertThat(rig.telegram.sent()).hasSize(15);

        rig.start();
        rig.telegram.awaitSent(CHATS);
        rig.awaitIdle();
        assertEveryChatGotItsDigestOnce();
        assertThat(rig.store.deliveries().counts().get(OutboxMessage.State.SENT)).isEqualTo(CHATS);
    }

    @Test
    void aGracefulStopPutsBackWhatWaitsAndFinishesWhatIsOnTheWire() throws Exception {
        digestsDueAtEight();
        rig.telegram.holdSendsAfter(10);
        rig.app().dispatchNow();
        rig.telegram.awaitHeldSends(1);

        var sender = rig.app().sender();
        Thread stopper = new Thread(rig::stop, "stopper");
        stopper.start();
        while (!sender.isStopping()) {
            Thread.onSpinWait();
        }
        // The request on the wire is answered while the bot stops: its outcome is still recorded.
        rig.telegram.dropHeldSends();
        stopper.join();
        Map<OutboxMessage.State, Long> counts;
        try (var store = dev.mojaz.store.SqlStorage.open(rig.config.store(), dir, rig.clock)) {
            counts = store.deliveries().counts();
        }
        assertThat(counts.get(OutboxMessage.State.SENDING)).as("nothing left in the air").isZero();
        assertThat(counts.get(OutboxMessage.State.SENT)).isEqualTo(10);

        rig.start();
        rig.advance(Duration.ofSeconds(2)); // the dropped request is retried after its back-off
        rig.telegram.awaitSent(CHATS);
        rig.awaitIdle();
        assertEveryChatGotItsDigestOnce();
    }

    private void assertEveryChatGotItsDigestOnce() {
        List<SentMessage> sent = rig.telegram.sent();
        Map<Long, Long> perChat = sent.stream().collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(CHATS);
        assertThat(perChat.values()).allMatch(n -> n == 1);
        Map<String, Long> texts = sent.stream().collect(Collectors.groupingBy(m -> m.chatId() + m.text(),
                Collectors.counting()));
        assertThat(texts.values()).allMatch(n -> n == 1);
        assertThat(sent).allSatisfy(m -> assertThat(m.visibleText()).contains("الخبر الأول").contains("الخبر الثاني"));
        assertThat(rig.telegram.violations()).isZero();
        assertThat(sent.stream().map(SentMessage::chatId).collect(Collectors.toMap(Function.identity(), id -> 1,
                Integer::sum))).hasSize(CHATS);
    }
}
