package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.Call;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.Fault;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.QuietHours;
import dev.mojaz.ingest.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts and digests from a fixture feed to the fake Bot API, through the real TelegramBots client, a real SQLite file
 * and the outbox sender, with a clock the tests move.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class DeliveryEndToEndTest {
    private static final long HUDA = 5001;
    private static final long OMAR = 5002;

    @TempDir
    Path dir;
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void anAlertGoesOutOnceWithTitleSourceSummaryAndLink() throws Exception {
        rig = new BotRig(dir).start();
        rig.subscribe(HUDA, "داعش", BotRig.arabic("Asia/Damascus"));
        String text = BotRig.seed("003_3a0528656e2a16ca");
        rig.publish(BotRig.WIRE, "a1", "لافروف: واشنطن تدعم <داعش> & غيره", text);

        assertThat(rig.pollAndDispatch().alerts()).isEqualTo(1);
        SentMessage alert = rig.telegram.awaitSentTo(HUDA, 1).get(0);

        StoredArticle stored = rig.store.articles().afterId(0, 10).get(0);
        List<String> summary = stored.article().summary();
        assertThat(summary).hasSizeBetween(2, 3);
        summary.forEach(sentence -> assertThat(text).contains(sentence));
        assertThat(alert.parseMode()).isEqualToIgnoringCase("HTML");
        assertThat(alert.visibleText())
                .startsWith("🔔 داعش")
                .contains("لافروف: واشنطن تدعم <داعش> & غيره")
                .contains(String.join(" ", summary))
                .endsWith("وكالة الاختبار");
        assertThat(alert.text()).contains("<a href=\"" + rig.site.base() + "/wire/a1.html\">")
                .contains("&lt;داعش&gt; &amp; غيره");

        // The same feed again, and the same story told by another source: nothing more.
        rig.publish(BotRig.OTHER, "b1", "واشنطن وداعش: موسكو تتهم", Fixtures.republished(text));
        rig.pollAndDispatch();
        assertThat(rig.store.articles().count()).as("both stored, as one story").isEqualTo(2);
        List<StoredArticle> both = rig.store.articles().afterId(0, 10);
        assertThat(both.get(1).storyId()).isEqualTo(both.get(0).storyId());
        rig.awaitIdle();
        assertThat(rig.telegram.sentTo(HUDA)).hasSize(1);
        assertThat(rig.outbox(HUDA)).extracting(OutboxMessage::state).containsExactly(OutboxMessage.State.SENT);
    }

    @Test
    void quietHoursHoldTheAlertUntilTheyEnd() throws Exception {
        // 10:00 UTC is 13:00 in Damascus: quiet from 12 to 15.
        rig = new BotRig(dir).start();
        rig.subscribe(HUDA, "داعش", BotRig.arabic("Asia/Damascus").withQuietHours(new QuietHours(12, 15)));
        rig.subscribe(OMAR, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.publish(BotRig.WIRE, "a1", "خبر", BotRig.seed("003_3a0528656e2a16ca"));

        assertThat(rig.pollAndDispatch().alerts()).isEqualTo(2);
        rig.telegram.awaitSentTo(OMAR, 1);
        rig.awaitIdle();
        assertThat(rig.telegram.sentTo(HUDA)).isEmpty();
        Instant endOfQuiet = Instant.parse("2026-11-20T12:00:00Z");
        assertThat(rig.outbox(HUDA)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.PENDING);
            assertThat(m.nextAttempt()).isEqualTo(endOfQuiet);
        });

        rig.advance(Duration.between(rig.clock.instant(), endOfQuiet).minusSeconds(1));
        rig.awaitIdle();
        assertThat(rig.telegram.sentTo(HUDA)).isEmpty();
        rig.advance(Duration.ofSeconds(1));
        SentMessage held = rig.telegram.awaitSentTo(HUDA, 1).get(0);
        assertThat(held.at()).isEqualTo(endOfQuiet);
    }

    @Test
    void aBlockedPersonBecomesInactiveAndGetsNothingMore() throws Exception {
        rig = new BotRig(dir).start();
        rig.subscribe(HUDA, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.telegram.blockedBy(HUDA);
        rig.publish(BotRig.WIRE, "a1", "خبر أول", BotRig.seed("003_3a0528656e2a16ca"));
        rig.pollAndDispatch();
        rig.telegram.awaitCalls("sendMessage", 1);
        rig.awaitIdle();

        Chat chat = rig.store.chats().find(HUDA).orElseThrow();
        assertThat(chat.active()).isFalse();
        assertThat(chat.inactiveReason()).startsWith("blocked");
        assertThat(chat.settings().alerts()).as("settings kept").isTrue();
        assertThat(rig.store.subscriptions().list(HUDA)).as("subscriptions kept").hasSize(1);
        assertThat(rig.outbox(HUDA)).singleElement().extracting(OutboxMessage::state).isEqualTo(OutboxMessage.State.DEAD);

        rig.publish(BotRig.WIRE, "a2", "خبر ثان", BotRig.seed("000_6b2c92f6e4f8b8b5"));
        assertThat(rig.pollAndDispatch().alerts()).isZero();
        rig.awaitIdle();
        assertThat(rig.telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void aRetryAfterIsWaitedExactly() throws Exception {
        rig = new BotRig(dir).start();
        rig.subscribe(HUDA, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.telegram.failNextFor(HUDA, Fault.tooManyRequests(7));
        rig.publish(BotRig.WIRE, "a1", "خبر", BotRig.seed("003_3a0528656e2a16ca"));
        rig.pollAndDispatch();
        rig.telegram.awaitCalls("sendMessage", 1);
        rig.awaitIdle();
        Call refused = rig.telegram.calls("sendMessage").get(0);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(rig.outbox(HUDA)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.FAILED);
            assertThat(m.nextAttempt()).isEqualTo(refused.at().plusSeconds(7));
        });

        rig.advance(Duration.ofMillis(6_900));
        rig.awaitIdle();
        assertThat(rig.telegram.calls("sendMessage")).hasSize(1);
        rig.advance(Duration.ofMillis(100));
        SentMessage sent = rig.telegram.awaitSentTo(HUDA, 1).get(0);
        assertThat(Duration.between(refused.at(), sent.at())).isEqualTo(Duration.ofSeconds(7));
        assertThat(rig.telegram.violations()).isZero();
    }

    @Test
    void aGroupThatBecameASupergroupIsFollowed() throws Exception {
        long group = -4001;
        long supergroup = -1004001L;
        rig = new BotRig(dir).start();
        rig.subscribe(group, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.telegram.migratedTo(group, supergroup);
        rig.publish(BotRig.WIRE, "a1", "خبر أول", BotRig.seed("003_3a0528656e2a16ca"));
        rig.pollAndDispatch();

        assertThat(rig.telegram.awaitSentTo(supergroup, 1).get(0).visibleText()).contains("خبر أول");
        assertThat(rig.store.chats().find(group)).isEmpty();
        assertThat(rig.store.chats().find(supergroup)).hasValueSatisfying(c -> assertThat(c.active()).isTrue());
        assertThat(rig.store.subscriptions().list(supergroup)).extracting(s -> s.query()).containsExactly("داعش");

        rig.publish(BotRig.WIRE, "a2", "خبر ثان", BotRig.seed("000_6b2c92f6e4f8b8b5"));
        rig.pollAndDispatch();
        assertThat(rig.telegram.awaitSentTo(supergroup, 2).get(1).visibleText()).contains("خبر ثان");
        assertThat(rig.telegram.sentTo(group)).isEmpty();
    }

    @Test
    void theDigestGoesOutAtTheChosenHourCutBetweenItems() throws Exception {
        // 04:30 UTC is 07:30 in Damascus; the digest hour is 8.
        rig = new BotRig(dir, "2026-11-20T04:30:00Z", "").start();
        ChatSettings settings = BotRig.arabic("Asia/Damascus").withDigestHours(List.of(8)).withAlerts(false);
        rig.subscribe(HUDA, "الاقتصاد", settings);
        for (int i = 1; i <= 16; i++) {
            rig.publish(BotRig.WIRE, "p" + i, "عنوان الخبر رقم " + i, BotRig.prose(i, "الاقتصاد", 9));
        }
        rig.clock.advance(Duration.ofMinutes(1)); // the articles come after the chat subscribed
        BotApplication.Dispatched before = rig.pollAndDispatch();
        assertThat(rig.store.articles().count()).isEqualTo(16);
        assertThat(before).isEqualTo(new BotApplication.Dispatched(0, 0));

        rig.clock.advanceTo(Instant.parse("2026-11-20T04:59:59Z"));
        assertThat(rig.app().dispatchNow().digests()).isZero();
        rig.clock.advanceTo(Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(rig.app().dispatchNow().digests()).isEqualTo(1);
        assertThat(rig.app().dispatchNow().digests()).as("once per digest hour").isZero();

        int parts = rig.outbox(HUDA).size();
        assertThat(parts).isGreaterThan(1);
        List<SentMessage> digest = rig.telegram.awaitSentTo(HUDA, parts);
        rig.awaitIdle();
        assertThat(rig.telegram.sentTo(HUDA)).hasSize(parts);
        assertThat(digest.get(0).visibleText()).startsWith("نشرتك").contains("🔎 الاقتصاد");
        assertThat(digest.get(1).visibleText()).startsWith("(تتمة، الجزء 2 من " + parts + ")");
        Map<String, Integer> seenIn = new HashMap<>();
        for (int m = 0; m < digest.size(); m++) {
            String visible = digest.get(m).visibleText();
            assertThat(visible.length()).isLessThanOrEqualTo(4096);
            for (int i = 1; i <= 16; i++) {
                if (visible.contains("عنوان الخبر رقم " + i + "\n")) {
                    assertThat(seenIn.put("" + i, m)).as("article " + i + " appears once").isNull();
                    String title = "عنوان الخبر رقم " + i;
                    StoredArticle stored = rig.store.articles().afterId(0, 100).stream()
                            .filter(a -> a.article().title().equals(title)).findFirst().orElseThrow();
                    assertThat(visible).as("an item's summary stays with its title")
                            .contains(String.join(" ", stored.article().summary()));
                }
            }
        }
        assertThat(seenIn).hasSize(16);
        assertThat(rig.telegram.violations()).isZero();
    }

    @Test
    void transientFailuresAreRetriedWithBackOffThenGivenUp() throws Exception {
        rig = new BotRig(dir).start();
        rig.subscribe(HUDA, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.subscribe(OMAR, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.telegram.failNextFor(HUDA, Fault.serverError()).failNextFor(HUDA, Fault.badGateway())
                .failNextFor(OMAR, Fault.serverError()).failNextFor(OMAR, Fault.serverError())
                .failNextFor(OMAR, Fault.serverError());
        rig.publish(BotRig.WIRE, "a1", "خبر", BotRig.seed("003_3a0528656e2a16ca"));
        rig.pollAndDispatch();
        rig.telegram.awaitCalls("sendMessage", 2);
        rig.awaitIdle();
        rig.advance(Duration.ofSeconds(1)); // first retry after telegram.retry.first-delay
        rig.telegram.awaitCalls("sendMessage", 4);
        rig.awaitIdle();
        rig.advance(Duration.ofSeconds(1));
        rig.awaitIdle();
        assertThat(rig.telegram.calls("sendMessage")).as("the second retry waits twice as long").hasSize(4);
        rig.advance(Duration.ofSeconds(1));
        rig.telegram.awaitSentTo(HUDA, 1);
        rig.awaitIdle();

        assertThat(rig.outbox(HUDA)).singleElement().extracting(OutboxMessage::state).isEqualTo(OutboxMessage.State.SENT);
        assertThat(rig.outbox(OMAR)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.DEAD);
            assertThat(m.attempts()).isEqualTo(3);
            assertThat(m.lastError()).startsWith("gave up after 3 attempts");
        });
        assertThat(rig.store.chats().find(OMAR).orElseThrow().active()).as("a transient failure is not the chat's").isTrue();
    }

    @Test
    void aMessageTelegramRefusesDiesButTheChatStaysActive() throws Exception {
        rig = new BotRig(dir).start();
        rig.subscribe(HUDA, "داعش", BotRig.arabic("Asia/Damascus"));
        rig.telegram.failNextFor(HUDA, Fault.error(400, "Bad Request: can't parse entities: unsupported start tag"));
        rig.publish(BotRig.WIRE, "a1", "خبر أول", BotRig.seed("003_3a0528656e2a16ca"));
        rig.pollAndDispatch();
        rig.telegram.awaitCalls("sendMessage", 1);
        rig.awaitIdle();
        assertThat(rig.outbox(HUDA)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.DEAD);
            assertThat(m.lastError()).contains("can't parse entities");
        });
        assertThat(rig.store.chats().find(HUDA).orElseThrow().active()).isTrue();

        rig.publish(BotRig.WIRE, "a2", "خبر ثان", BotRig.seed("000_6b2c92f6e4f8b8b5"));
        rig.pollAndDispatch();
        assertThat(rig.telegram.awaitSentTo(HUDA, 1).get(0).visibleText()).contains("خبر ثان");
    }
}
