package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person's whole journey through the bot as {@code run} wires it: everything they do goes through Telegram (the
 * real TelegramBots client against the fake Bot API), the news comes from a feed on a local web server, the state is
 * in a real SQLite file, and the clock is the test's. Subscribing in Arabic, an alert for a matching article with its
 * summary, the digest at the chosen hour, and unsubscribing with the keyboard, after which nothing more arrives.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class PersonJourneyTest {
    private static final FakeUser HUDA = FakeUser.arabic(7001, "هدى");
    private static final FakeChat CHAT = FakeChat.privateWith(HUDA);

    @TempDir
    Path dir;
    private BotRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Sends a message as Huda and returns the bot's replies to it. */
    private List<SentMessage> say(String text, int repliesExpected) {
        int before = rig.telegram.sentTo(HUDA.id()).size();
        rig.telegram.sendText(CHAT, HUDA, text);
        List<SentMessage> all = rig.telegram.awaitSentTo(HUDA.id(), before + repliesExpected);
        return all.subList(before, all.size());
    }

    @Test
    void subscribeGetAnAlertAndADigestThenUnsubscribe() throws Exception {
        // 04:00 UTC is 07:00 in Damascus, the bot's default time zone; the default digest hour is 08:00.
        rig = new BotRig(dir, "2026-11-20T04:00:00Z", "").start();

        assertThat(say("/start", 1).get(0).visibleText()).startsWith("أهلاً هدى!");
        assertThat(say("/subscribe سوريا", 1).get(0).visibleText()).contains("سوريا");
        assertThat(rig.store.subscriptions().list(HUDA.id())).extracting(s -> s.query()).containsExactly("سوريا");
        rig.telegram.awaitAllUpdatesConfirmed();

        // A matching article is published ("سورية" in the text matches the query "سوريا"); a non-matching one too.
        rig.clock.advance(Duration.ofMinutes(1));
        String text = BotRig.seed("004_625e51d79cef2ff7");
        rig.publish(BotRig.WIRE, "syria", "لافروف يأسف لوقف الأوروبيين التعاون مع روسيا", text);
        rig.publish(BotRig.WIRE, "economy", "أسعار الطاقة", BotRig.prose(1, "الاقتصاد", 6));
        assertThat(rig.pollAndDispatch().alerts()).isEqualTo(1);

        SentMessage alert = rig.telegram.awaitSentTo(HUDA.id(), 3).get(2);
        StoredArticle stored = rig.store.articles().afterId(0, 10).stream()
                .filter(a -> a.article().title().startsWith("لافروف")).findFirst().orElseThrow();
        List<String> summary = stored.article().summary();
        assertThat(summary).hasSizeBetween(2, 3);
        summary.forEach(sentence -> assertThat(text).contains(sentence));
        assertThat(alert.visibleText()).contains("لافروف يأسف").contains(String.join(" ", summary))
                .doesNotContain("أسعار الطاقة");
        assertThat(alert.text()).contains("<a href=\"" + rig.site.base() + "/wire/syria.html\">");

        // At 08:00 Damascus time the digest holds the matching article (and only it).
        rig.clock.advanceTo(Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(rig.app().dispatchNow().digests()).isEqualTo(1);
        SentMessage digest = rig.telegram.awaitSentTo(HUDA.id(), 4).get(3);
        assertThat(digest.visibleText()).startsWith("نشرتك").contains("لافروف يأسف").doesNotContain("أسعار الطاقة");

        // Unsubscribing with the keyboard: the button carries the subscription's id, not its text.
        SentMessage keyboard = say("/unsubscribe", 1).get(0);
        long id = rig.store.subscriptions().list(HUDA.id()).get(0).id();
        assertThat(keyboard.buttonData()).contains("unsub:" + id);
        rig.telegram.pressButton(CHAT, HUDA, keyboard.messageId(), "unsub:" + id);
        rig.telegram.awaitAnswers(1);
        rig.telegram.awaitAllUpdatesConfirmed();
        assertThat(rig.store.subscriptions().list(HUDA.id())).isEmpty();

        // News about Syria after that reaches nobody.
        rig.clock.advance(Duration.ofMinutes(1));
        rig.publish(BotRig.WIRE, "syria2", "موسكو تدعو واشنطن لسحب قواتها من سورية", BotRig.seed("002_ac1c3e60c73cbb0f"));
        assertThat(rig.pollAndDispatch().alerts()).isZero();
        rig.awaitIdle();
        assertThat(rig.telegram.sentTo(HUDA.id())).hasSize(5);
        assertThat(rig.telegram.violations()).isZero();
    }

    @Test
    void aMigratedGroupThatUnsubscribesGetsNoMoreAlerts() throws Exception {
        // The group subscribes through Telegram (its admin speaks), Telegram then moves it to a supergroup: the
        // sender follows migrate_to_chat_id, and the supergroup's later /unsubscribe must reach the live matcher.
        FakeChat group = FakeChat.group(-4101, "مجموعة");
        FakeChat supergroup = FakeChat.supergroup(-1004101L, "مجموعة");
        rig = new BotRig(dir).start();
        rig.telegram.memberStatus(group.id(), HUDA.id(), "administrator");
        rig.telegram.memberStatus(supergroup.id(), HUDA.id(), "administrator");
        rig.telegram.sendText(group, HUDA, "/subscribe@" + rig.telegram.botUsername() + " سوريا");
        rig.telegram.awaitSentTo(group.id(), 1);
        rig.telegram.awaitAllUpdatesConfirmed();
        rig.telegram.migratedTo(group.id(), supergroup.id());

        rig.clock.advance(Duration.ofMinutes(1));
        rig.publish(BotRig.WIRE, "s1", "لافروف يأسف لوقف التعاون", BotRig.seed("004_625e51d79cef2ff7"));
        rig.pollAndDispatch();
        assertThat(rig.telegram.awaitSentTo(supergroup.id(), 1).get(0).visibleText()).contains("لافروف يأسف");

        rig.telegram.sendText(supergroup, HUDA, "/unsubscribe@" + rig.telegram.botUsername());
        SentMessage keyboard = rig.telegram.awaitSentTo(supergroup.id(), 2).get(1);
        long id = rig.store.subscriptions().list(supergroup.id()).get(0).id();
        rig.telegram.pressButton(supergroup, HUDA, keyboard.messageId(), "unsub:" + id);
        rig.telegram.awaitAnswers(1);
        rig.telegram.awaitAllUpdatesConfirmed();
        assertThat(rig.store.subscriptions().list(supergroup.id())).isEmpty();

        rig.clock.advance(Duration.ofMinutes(1));
        rig.publish(BotRig.WIRE, "s2", "موسكو تدعو واشنطن لسحب قواتها من سورية", BotRig.seed("002_ac1c3e60c73cbb0f"));
        assertThat(rig.pollAndDispatch().alerts()).as("nobody follows سوريا any more").isZero();
    }
}
