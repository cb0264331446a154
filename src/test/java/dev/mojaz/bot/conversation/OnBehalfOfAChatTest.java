package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages sent on behalf of a chat (Telegram's sender_chat): a member posting as their own channel is nobody in
 * particular; a group's anonymous admins and its linked channel speak for the group, but only a person listed in
 * telegram.admins uses the admin commands, even in a group that is listed there too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("fast")
class OnBehalfOfAChatTest extends ConversationTestBase {
    /** A group whose id is in telegram.admins: Mojaz's admins run it. */
    private static final FakeChat GROUP = FakeChat.supergroup(-1001234500, "غرفة التحرير");
    /** Any channel a member of the group owns, and posts as. */
    private static final FakeChat OWN_CHANNEL = FakeChat.channel(-1009990001, "قناة عضو");
    /** The channel the group is the discussion group of. */
    private static final FakeChat LINKED_CHANNEL = FakeChat.channel(-1009990002, "قناة المجموعة");

    @Override
    ConversationHarness.Options options() {
        ConversationHarness.Options options = new ConversationHarness.Options();
        options.admins.add(GROUP.id());
        return options;
    }

    private String at() {
        return "@" + server.botUsername();
    }

    /** Sends {@code text} in {@code chat} as {@code channel}; returns the next message the chat receives. */
    private SentMessage askAs(FakeChat chat, FakeChat channel, String text) {
        int before = server.sentTo(chat.id()).size();
        server.sendAsChannel(chat, channel, text);
        return server.awaitSentTo(chat.id(), before + 1).get(before);
    }

    /** Sends {@code text} as the group's anonymous admin; returns the next message the group receives. */
    private SentMessage askAsAnonymousAdmin(String text) {
        int before = server.sentTo(GROUP.id()).size();
        server.sendAsChat(GROUP, text);
        return server.awaitSentTo(GROUP.id(), before + 1).get(before);
    }

    @Test
    void aMemberPostingAsTheirChannelCannotChangeTheGroup() {
        assertThat(askAs(GROUP, OWN_CHANNEL, "/subscribe" + at() + " سوريا").visibleText())
                .isEqualTo(text(Language.AR, Msg.GROUP_ADMINS_ONLY));
        assertThat(askAs(GROUP, OWN_CHANNEL, "/settings" + at()).visibleText())
                .isEqualTo(text(Language.AR, Msg.GROUP_ADMINS_ONLY));
        assertThat(askAs(GROUP, OWN_CHANNEL, "/stop" + at()).visibleText())
                .isEqualTo(text(Language.AR, Msg.GROUP_ADMINS_ONLY));
        assertThat(bot.store.subscriptions().list(GROUP.id())).isEmpty();
    }

    @Test
    void aMemberPostingAsTheirChannelCannotUseAdminCommandsInAnAdminGroup() {
        ask(LAYLA_CHAT, LAYLA, "/start");
        assertThat(askAs(GROUP, OWN_CHANNEL, "/stats" + at()).visibleText())
                .isEqualTo(text(Language.AR, Msg.ADMIN_NOT_ALLOWED));
        assertThat(askAs(GROUP, OWN_CHANNEL, "/removesource" + at() + " sana").visibleText())
                .isEqualTo(text(Language.AR, Msg.ADMIN_NOT_ALLOWED));
        assertThat(bot.catalog.find("sana")).get().extracting(SourceConfig::enabled).isEqualTo(true);

        // no broadcast waits for a confirmation: an admin pressing "send" in the group finds nothing to send
        SentMessage refused = askAs(GROUP, OWN_CHANNEL, "/broadcast" + at() + " اشترِ الآن");
        assertThat(refused.visibleText()).isEqualTo(text(Language.AR, Msg.ADMIN_NOT_ALLOWED));
        assertThat(refused.buttonData()).isEmpty();
        assertThat(press(GROUP, ADMIN, refused, "bc:send")).isEqualTo(plain(Language.EN, Msg.ANSWER_EXPIRED));
        assertThat(server.sentTo(LAYLA.id())).hasSize(1); // her welcome only
    }

    @Test
    void anAnonymousAdminChangesTheGroupButNeverUsesAdminCommands() {
        assertThat(askAsAnonymousAdmin("/subscribe" + at() + " لبنان").visibleText()).startsWith("تم الاشتراك في لبنان");
        assertThat(bot.store.subscriptions().list(GROUP.id())).extracting(Subscription::query).containsExactly("لبنان");
        assertThat(askAsAnonymousAdmin("/stats" + at()).visibleText()).isEqualTo(text(Language.AR, Msg.ADMIN_NOT_ALLOWED));
        assertThat(askAsAnonymousAdmin("/broadcast" + at() + " مرحبا").visibleText())
                .isEqualTo(text(Language.AR, Msg.ADMIN_NOT_ALLOWED));
    }

    @Test
    void theGroupsLinkedChannelSpeaksForItButItsCopiedPostsAreNotCommands() throws Exception {
        server.linkedChannel(GROUP, LINKED_CHANNEL);
        askAs(GROUP, LINKED_CHANNEL, "/subscribe" + at() + " مصر");
        assertThat(bot.store.subscriptions().list(GROUP.id())).extracting(Subscription::query).containsExactly("مصر");
        assertThat(askAs(GROUP, LINKED_CHANNEL, "/stats" + at()).visibleText())
                .isEqualTo(text(Language.AR, Msg.ADMIN_NOT_ALLOWED));

        // the channel's own post, copied into the group by Telegram, is not addressed to the group
        int before = server.sentTo(GROUP.id()).size();
        server.automaticForward(GROUP, LINKED_CHANNEL, "/subscribe" + at() + " العراق");
        server.awaitAllUpdatesConfirmed();
        bot.settle();
        assertThat(server.sentTo(GROUP.id())).hasSize(before);
        assertThat(bot.store.subscriptions().list(GROUP.id())).extracting(Subscription::query).containsExactly("مصر");

        // another group's linked channel is just a channel
        server.linkedChannel(FakeChat.supergroup(-1001234599, "مجموعة أخرى"), OWN_CHANNEL);
        assertThat(askAs(GROUP, OWN_CHANNEL, "/subscribe" + at() + " الأردن").visibleText())
                .isEqualTo(text(Language.AR, Msg.GROUP_ADMINS_ONLY));
    }

    @Test
    void inAChannelOnlyItsAdminsPressTheSettingsButtons() {
        FakeChat channel = FakeChat.channel(-1009990003, "قناة الأخبار");
        FakeUser subscriber = FakeUser.arabic(3001, "قارئ");
        FakeUser owner = FakeUser.arabic(3002, "صاحبة القناة");
        server.memberStatus(channel.id(), owner.id(), "creator");
        server.botStatusChanged(channel, owner, "left", "administrator");
        server.awaitSentTo(channel.id(), 1);
        server.postInChannel(channel, "/settings");
        SentMessage menu = server.awaitSentTo(channel.id(), 2).get(1);
        assertThat(menu.visibleText()).startsWith("إعداداتك");

        assertThat(press(channel, subscriber, menu, "set:a")).isEqualTo(plain(Language.AR, Msg.ANSWER_NOT_ALLOWED));
        assertThat(bot.store.chats().find(channel.id()).orElseThrow().settings().alerts()).isTrue();
        press(channel, owner, menu, "set:a");
        assertThat(bot.store.chats().find(channel.id()).orElseThrow().settings().alerts()).isFalse();
    }
}
