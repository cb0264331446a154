package dev.mojaz.bot.conversation;

import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.QuietHours;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.match.SubscriptionIndex;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

/** /settings, /stop, /forget, membership changes, migration, groups and channels. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class SettingsAndLifecycleTest extends ConversationTestBase {
    @Override
    ConversationHarness.Options options() {
        ConversationHarness.Options options = new ConversationHarness.Options();
        options.maxQueriesPerChat = 2;
        return options;
    }

    @Test
    void theSubscriptionLimitPerChatIsKept() {
        ask(JOHN_CHAT, JOHN, "/subscribe سوريا");
        ask(JOHN_CHAT, JOHN, "/subscribe لبنان");
        assertThat(ask(JOHN_CHAT, JOHN, "/subscribe مصر").visibleText())
                .isEqualTo("You have 2 subscriptions, the most you can have. Remove one with /unsubscribe first.");
        SentMessage sources = ask(JOHN_CHAT, JOHN, "/sources");
        assertThat(press(JOHN_CHAT, JOHN, sources, "src:f:0:sana")).isEqualTo(plain(Language.EN, Msg.ANSWER_LIMIT));
        assertThat(bot.store.subscriptions().list(JOHN.id())).hasSize(2);
    }

    private Chat chat(long id) {
        return bot.store.chats().find(id).orElseThrow();
    }

    @Test
    void settingsChangeTheDigestHoursInPlaceAndStoreThem() {
        SentMessage menu = ask(JOHN_CHAT, JOHN, "/settings");
        assertThat(menu.visibleText()).startsWith("Your settings").contains("Digest: 08:00")
                .contains("Time zone: Damascus").contains("Instant alerts: on");
        assertThat(menu.buttonData()).contains("set:h", "set:z", "set:l", "set:a", "set:q", "set:p", "set:g", "set:x");

        press(JOHN_CHAT, JOHN, menu, "set:h");
        assertThat(currentText(menu)).startsWith("Tap the hours when you want your digest");
        assertThat(currentButtons(menu)).hasSize(25).contains("set:h:0", "set:h:23", "set:m");

        assertThat(press(JOHN_CHAT, JOHN, menu, "set:h:20")).isEqualTo("Saved");
        assertThat(chat(JOHN.id()).settings().digestHours()).containsExactly(8, 20);
        assertThat(currentText(menu)).startsWith("Your digest will come at 08:00, 20:00.");

        press(JOHN_CHAT, JOHN, menu, "set:h:8");
        assertThat(chat(JOHN.id()).settings().digestHours()).containsExactly(20);

        press(JOHN_CHAT, JOHN, menu, "set:m");
        assertThat(currentText(menu)).contains("Digest: 20:00");

        press(JOHN_CHAT, JOHN, menu, "set:z");
        assertThat(currentButtons(menu)).contains("set:z:Africa/Cairo");
        press(JOHN_CHAT, JOHN, menu, "set:z:Africa/Cairo");
        assertThat(chat(JOHN.id()).settings().timeZone()).isEqualTo(ZoneId.of("Africa/Cairo"));
        assertThat(currentText(menu)).startsWith("Time zone set to Cairo.").contains("Time zone: Cairo");

        press(JOHN_CHAT, JOHN, menu, "set:l:5");
        press(JOHN_CHAT, JOHN, menu, "set:a");
        press(JOHN_CHAT, JOHN, menu, "set:q:22-7");
        press(JOHN_CHAT, JOHN, menu, "set:p");
        Chat changed = chat(JOHN.id());
        assertThat(changed.settings().summarySentences()).isEqualTo(5);
        assertThat(changed.settings().alerts()).isFalse();
        assertThat(changed.settings().quietHours()).isEqualTo(new QuietHours(22, 7));
        assertThat(changed.settings().linkPreviews()).isTrue();
        assertThat(currentText(menu)).contains("Instant alerts: off").contains("Quiet hours: 22:00–07:00")
                .contains("Link previews: on").contains("Summary length: long");

        press(JOHN_CHAT, JOHN, menu, "set:g:ar");
        assertThat(currentText(menu)).startsWith("سأحدّثك بالعربية من الآن.").contains("إعداداتك");
        assertThat(ask(JOHN_CHAT, JOHN, "/help").visibleText()).startsWith("ما أستطيع فعله");

        assertThat(press(JOHN_CHAT, JOHN, menu, "set:h:99")).isEqualTo(plain(Language.AR, Msg.ANSWER_EXPIRED));
        press(JOHN_CHAT, JOHN, menu, "set:x");
        assertThat(currentButtons(menu)).isEmpty();
    }

    @Test
    void stopPausesEverythingAndStartResumes() {
        ask(LAYLA_CHAT, LAYLA, "/start");
        ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        assertThat(bot.engine.size()).isEqualTo(1);

        assertThat(ask(LAYLA_CHAT, LAYLA, "/stop").visibleText()).isEqualTo(text(Language.AR, Msg.STOP_DONE));
        assertThat(chat(LAYLA.id()).paused()).isTrue();
        assertThat(chat(LAYLA.id()).receiving()).isFalse();
        assertThat(bot.engine.size()).isZero();
        assertThat(ask(LAYLA_CHAT, LAYLA, "/stop").visibleText()).isEqualTo(text(Language.AR, Msg.STOP_ALREADY));
        assertThat(ask(LAYLA_CHAT, LAYLA, "/digest").visibleText()).isEqualTo(text(Language.AR, Msg.ERROR_PAUSED_CHAT));

        assertThat(ask(LAYLA_CHAT, LAYLA, "/start").visibleText()).startsWith("أهلاً بعودتك يا ليلى!");
        assertThat(chat(LAYLA.id()).receiving()).isTrue();
        assertThat(bot.engine.size()).isEqualTo(1);
        assertThat(bot.store.subscriptions().list(LAYLA.id())).hasSize(1);
    }

    @Test
    void forgetErasesEverythingAfterAConfirmation() {
        ask(LAYLA_CHAT, LAYLA, "/start");
        ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        ask(LAYLA_CHAT, LAYLA, "/subscribe"); // leaves the "awaiting words" state behind

        SentMessage confirm = ask(LAYLA_CHAT, LAYLA, "/forget");
        assertThat(confirm.visibleText()).isEqualTo(text(Language.AR, Msg.FORGET_CONFIRM));
        assertThat(confirm.buttonData()).containsExactly("forget:yes", "forget:no");

        press(LAYLA_CHAT, LAYLA, confirm, "forget:no");
        assertThat(currentText(confirm)).isEqualTo(text(Language.AR, Msg.FORGET_CANCELLED));
        assertThat(bot.store.chats().find(LAYLA.id())).isPresent();

        SentMessage again = ask(LAYLA_CHAT, LAYLA, "/forget");
        int before = server.sentTo(LAYLA.id()).size();
        press(LAYLA_CHAT, LAYLA, again, "forget:yes");
        SentMessage goodbye = server.awaitSentTo(LAYLA.id(), before + 1).get(before);
        assertThat(goodbye.visibleText()).isEqualTo(text(Language.AR, Msg.FORGET_DONE));
        assertThat(currentButtons(again)).isEmpty();

        assertThat(bot.store.chats().find(LAYLA.id())).isEmpty();
        assertThat(bot.store.subscriptions().list(LAYLA.id())).isEmpty();
        assertThat(bot.store.botState().get(Say.chatState(LAYLA.id(), Subscriptions.AWAITING))).isEmpty();
        assertThat(bot.engine.size()).isZero();
        // only the goodbye is left in the outbox, and it was sent
        assertThat(bot.store.deliveries().ofChat(LAYLA.id())).hasSize(1);
    }

    @Test
    void aPersonWhoBlocksTheBotBecomesInactiveAndKeepsTheirSettings() {
        ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        server.botStatusChanged(LAYLA_CHAT, LAYLA, "member", "kicked");
        server.awaitAllUpdatesConfirmed();

        Chat blocked = chat(LAYLA.id());
        assertThat(blocked.active()).isFalse();
        assertThat(blocked.inactiveReason()).contains("blocked");
        assertThat(bot.store.subscriptions().list(LAYLA.id())).hasSize(1);
        assertThat(bot.engine.size()).isZero();

        server.botStatusChanged(LAYLA_CHAT, LAYLA, "kicked", "member");
        server.awaitAllUpdatesConfirmed();
        assertThat(chat(LAYLA.id()).active()).isTrue();
        assertThat(bot.engine.size()).isEqualTo(1);
    }

    @Test
    void aGroupThatBecomesASupergroupTakesItsSubscriptionsAlong() {
        FakeChat group = FakeChat.group(-555, "أخبار الحي");
        server.memberStatus(group.id(), LAYLA.id(), "administrator");
        server.botStatusChanged(group, LAYLA, "left", "member");
        assertThat(server.awaitSentTo(group.id(), 1).get(0).visibleText()).isEqualTo(text(Language.AR, Msg.GROUP_ADDED));
        ask(group, LAYLA, "/subscribe@" + server.botUsername() + " سوريا");
        assertThat(bot.store.subscriptions().list(group.id())).hasSize(1);

        long supergroup = -1000000000555L;
        server.groupMigrated(group, supergroup);
        server.awaitAllUpdatesConfirmed();

        assertThat(bot.store.chats().find(group.id())).isEmpty();
        assertThat(chat(supergroup).kind()).isEqualTo(ChatKind.SUPERGROUP);
        assertThat(bot.store.subscriptions().list(supergroup)).extracting(Subscription::query).containsExactly("سوريا");
        assertThat(bot.live.match("", "سوريا اليوم", "sana"))
                .extracting(SubscriptionIndex.Hit::chatId).containsExactly(supergroup);
    }

    @Test
    void inAGroupOnlyItsAdminsChangeWhatMojazDoes() {
        FakeChat group = FakeChat.supergroup(-100777, "نادي القراءة");
        FakeUser member = FakeUser.arabic(2001, "سامر");
        FakeUser owner = FakeUser.arabic(2002, "هدى");
        server.memberStatus(group.id(), owner.id(), "creator");
        String at = "@" + server.botUsername();

        assertThat(ask(group, member, "/subscribe" + at + " سوريا").visibleText())
                .isEqualTo(text(Language.AR, Msg.GROUP_ADMINS_ONLY));
        assertThat(ask(group, member, "/settings" + at).visibleText()).isEqualTo(text(Language.AR, Msg.GROUP_ADMINS_ONLY));
        assertThat(bot.store.subscriptions().list(group.id())).isEmpty();

        SentMessage menu = ask(group, owner, "/settings" + at);
        assertThat(menu.visibleText()).startsWith("إعداداتك");
        assertThat(press(group, member, menu, "set:a")).isEqualTo(plain(Language.AR, Msg.ANSWER_NOT_ALLOWED));
        assertThat(chat(group.id()).settings().alerts()).isTrue();
        press(group, owner, menu, "set:a");
        assertThat(chat(group.id()).settings().alerts()).isFalse();

        // reading is for everyone; an anonymous admin speaks for the group
        assertThat(ask(group, member, "/list" + at).visibleText()).isEqualTo(text(Language.AR, Msg.LIST_EMPTY));
        server.sendAsChat(group, "/subscribe" + at + " لبنان");
        server.awaitAllUpdatesConfirmed();
        assertThat(bot.store.subscriptions().list(group.id())).extracting(Subscription::query).containsExactly("لبنان");
    }

    @Test
    void aChannelWhereTheBotIsMadeAdminIsRegisteredForDigests() {
        FakeChat channel = FakeChat.channel(-1009876543210L, "قناة موجز");
        server.botStatusChanged(channel, LAYLA, "left", "administrator");
        assertThat(server.awaitSentTo(channel.id(), 1).get(0).visibleText()).startsWith("أنا جاهز للنشر في هذه القناة");
        Chat registered = chat(channel.id());
        assertThat(registered.kind()).isEqualTo(ChatKind.CHANNEL);
        assertThat(registered.receiving()).isTrue();
        assertThat(registered.settings().digestHours()).containsExactly(8);

        server.postInChannel(channel, "/subscribe سوريا");
        server.awaitSentTo(channel.id(), 2);
        assertThat(bot.store.subscriptions().list(channel.id())).hasSize(1);

        server.botStatusChanged(channel, LAYLA, "administrator", "left");
        server.awaitAllUpdatesConfirmed();
        assertThat(chat(channel.id()).active()).isFalse();
        assertThat(bot.engine.size()).isZero();
    }
}
