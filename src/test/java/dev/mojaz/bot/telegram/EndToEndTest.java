package dev.mojaz.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.bot.chat.MemoryUpdateOffsets;
import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.bot.command.Handler;
import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real TelegramBots client, long polling and sending, against the fake Bot API server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class EndToEndTest {
    private static final FakeUser LAYLA = FakeUser.arabic(1001, "ليلى");
    private static final FakeUser JOHN = FakeUser.english(1002, "John");
    private static final FakeChat LAYLA_CHAT = FakeChat.privateWith(LAYLA);
    private static final FakeChat JOHN_CHAT = FakeChat.privateWith(JOHN);

    private FakeTelegramServer server;
    private BotHarness bot;

    @BeforeEach
    void start() throws Exception {
        server = FakeTelegramServer.start();
        bot = new BotHarness(server, new MemoryUpdateOffsets());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        server.close();
    }

    @Test
    void anArabicSpeakerGetsTheArabicWelcomeInHtmlWithoutLinkPreview() {
        server.sendText(LAYLA_CHAT, LAYLA, "/start");

        SentMessage reply = server.awaitSentTo(LAYLA.id(), 1).get(0);
        assertThat(reply.parseMode()).isEqualToIgnoringCase("HTML");
        assertThat(reply.previewDisabled()).isTrue();
        assertThat(reply.visibleText()).startsWith("أهلاً ليلى!").contains("08:00").contains("دمشق");
        assertThat(reply.text()).contains("<b>موجز</b>");
    }

    @Test
    void anEnglishSpeakerGetsEnglishAndFreeTextGetsAHelpfulAnswer() {
        server.sendText(JOHN_CHAT, JOHN, "/help");
        server.sendText(JOHN_CHAT, JOHN, "what is this?");

        List<SentMessage> replies = server.awaitSentTo(JOHN.id(), 2);
        assertThat(replies.get(0).visibleText()).startsWith("What I can do").contains("/subscribe").doesNotContain("/broadcast");
        assertThat(replies.get(1).visibleText())
                .isEqualTo(BotHarness.TEXTS.html(Language.EN, Msg.UNKNOWN_TEXT).visibleText());
    }

    @Test
    void adminsSeeTheAdminHelpAndOthersCannotUseAdminCommands() {
        FakeUser admin = FakeUser.english(BotHarness.ADMIN, "Admin");
        server.sendText(FakeChat.privateWith(admin), admin, "/help");
        server.sendText(JOHN_CHAT, JOHN, "/stats");

        assertThat(server.awaitSentTo(admin.id(), 1).get(0).visibleText()).contains("/broadcast");
        assertThat(server.awaitSentTo(JOHN.id(), 1).get(0).visibleText())
                .isEqualTo("That command is for the bot's administrators.");
    }

    @Test
    void commandMenusAreRegisteredInBothLanguagesAndForAdmins() {
        List<String> everyone = BotCommand.forEveryone().stream().map(BotCommand::command).toList();
        assertThat(server.commandNames("default", "")).isEqualTo(everyone);
        assertThat(server.commandNames("default", "ar")).isEqualTo(everyone);
        assertThat(server.commandMenu("default", "ar").get(0).get("description").asText())
                .isEqualTo("البدء، أو الاستئناف بعد الإيقاف");
        assertThat(server.commandMenu("default", "").get(0).get("description").asText())
                .isEqualTo("Start, or resume after /stop");
        assertThat(server.commandNames("chat:" + BotHarness.ADMIN, "ar")).contains("stats", "broadcast", "start");
        assertThat(server.commandNames("chat:" + BotHarness.ADMIN, "")).contains("stats", "broadcast");
        assertThat(server.calls("deleteWebhook")).hasSize(1);
    }

    @Test
    void inGroupsOnlyCommandsForThisBotAreAnswered() {
        FakeChat group = FakeChat.supergroup(-1001234567890L, "أخبار الحي");
        server.sendText(group, LAYLA, "/help@SomeOtherBot");
        server.sendText(group, LAYLA, "/frobnicate");
        server.sendText(group, LAYLA, "صباح الخير");
        server.sendText(group, LAYLA, "/frobnicate@" + server.botUsername());
        server.sendText(group, LAYLA, "/start@" + server.botUsername().toLowerCase());

        List<SentMessage> replies = server.awaitSentTo(group.id(), 2);
        server.awaitAllUpdatesConfirmed();
        assertThat(server.sentTo(group.id())).hasSize(2);
        assertThat(replies.get(0).visibleText()).startsWith("لا أعرف الأمر /frobnicate");
        assertThat(replies.get(1).visibleText()).startsWith("مرحباً بالجميع!").contains("/subscribe@MojazTestBot");
    }

    @Test
    void aChannelPostCommandIsAnsweredInTheChannel() {
        FakeChat channel = FakeChat.channel(-1009876543210L, "قناة موجز");
        server.postInChannel(channel, "/start");

        assertThat(server.awaitSentTo(channel.id(), 1).get(0).visibleText()).startsWith("أنا جاهز للنشر في هذه القناة");
    }

    @Test
    void langButtonsSwitchTheLanguageAndEditTheMessage() {
        server.sendText(LAYLA_CHAT, LAYLA, "/lang");
        SentMessage ask = server.awaitSentTo(LAYLA.id(), 1).get(0);
        assertThat(ask.buttonData()).containsExactly("lang:ar", "lang:en");
        assertThat(ask.buttonLabels()).containsExactly("العربية", "English");

        server.pressButton(LAYLA_CHAT, LAYLA, ask.messageId(), "lang:en");
        assertThat(server.awaitAnswers(1).get(0).text()).isEqualTo("Saved");
        assertThat(server.awaitEdits(1).get(0).visibleText()).isEqualTo("From now on I will speak English.");

        server.sendText(LAYLA_CHAT, LAYLA, "/help");
        assertThat(server.awaitSentTo(LAYLA.id(), 2).get(1).visibleText()).startsWith("What I can do");
    }

    @Test
    void aButtonNobodyHandlesIsStillAnswered() {
        server.sendText(JOHN_CHAT, JOHN, "/lang");
        SentMessage ask = server.awaitSentTo(JOHN.id(), 1).get(0);
        server.pressButton(JOHN_CHAT, JOHN, ask.messageId(), "gone:42");

        assertThat(server.awaitAnswers(1).get(0).text()).isEqualTo("These buttons have expired. Send the command again.");
    }

    @Test
    void aHandlerThatFailsGetsAnApologyAndTheNextUpdateIsStillHandled() throws Exception {
        bot.close();
        Handler<dev.mojaz.bot.command.ParsedCommand> broken = (command, context) -> {
            throw new IllegalStateException("boom");
        };
        bot = new BotHarness(server, new MemoryUpdateOffsets(), router -> router.command(BotCommand.DIGEST, broken));
        server.sendText(JOHN_CHAT, JOHN, "/digest");
        server.sendText(JOHN_CHAT, JOHN, "/help");

        List<SentMessage> replies = server.awaitSentTo(JOHN.id(), 2);
        assertThat(replies.get(0).visibleText()).startsWith("Something went wrong on my side.");
        assertThat(replies.get(1).visibleText()).startsWith("What I can do");
    }

    @Test
    void aRestartResumesAfterTheLastHandledUpdate() throws Exception {
        UpdateOffsetStore offsets = new MemoryUpdateOffsets();
        bot.close();
        bot = new BotHarness(server, offsets);
        server.sendText(JOHN_CHAT, JOHN, "/help");
        server.awaitSentTo(JOHN.id(), 1);
        server.awaitAllUpdatesConfirmed();
        bot.close();
        bot = null;

        // while the bot is down: two commands arrive
        server.sendText(JOHN_CHAT, JOHN, "/start");
        int second = server.sendText(JOHN_CHAT, JOHN, "/lang");
        bot = new BotHarness(server, offsets);

        List<SentMessage> replies = server.awaitSentTo(JOHN.id(), 3);
        server.awaitAllUpdatesConfirmed();
        assertThat(server.sentTo(JOHN.id())).hasSize(3);
        assertThat(replies.get(1).visibleText()).startsWith("Hello John!");
        assertThat(replies.get(2).buttonData()).containsExactly("lang:ar", "lang:en");
        assertThat(offsets.lastHandled()).isEqualTo(second);
    }

    @Test
    void updatesTheStoreAlreadyHandledAreNotHandledAgain() throws Exception {
        bot.close();
        int first = server.sendText(JOHN_CHAT, JOHN, "/start");
        server.sendText(JOHN_CHAT, JOHN, "/lang");
        UpdateOffsetStore offsets = new MemoryUpdateOffsets();
        offsets.handled(first); // handled before a crash that came before Telegram was told
        bot = new BotHarness(server, offsets);

        SentMessage only = server.awaitSentTo(JOHN.id(), 1).get(0);
        server.awaitAllUpdatesConfirmed();
        assertThat(server.sentTo(JOHN.id())).hasSize(1);
        assertThat(only.buttonData()).containsExactly("lang:ar", "lang:en");
    }

    @Test
    void closingLeavesNoThreadOfOursBehind() throws Exception {
        server.sendText(JOHN_CHAT, JOHN, "/help");
        server.awaitSentTo(JOHN.id(), 1);
        bot.close();
        bot = null;

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("mojaz-telegram")) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
        Set<String> ours = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("mojaz-telegram"))
                .collect(Collectors.toSet());
        assertThat(ours).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getName)
                .filter(name -> name.contains("OkHttp") || name.contains("mojaz") || name.contains("pool-")))
                .isEmpty();
    }

    @Test
    void argumentsFromPeopleAreEscaped() throws Exception {
        bot.close();
        Handler<dev.mojaz.bot.command.ParsedCommand> echo = (command, context) ->
                context.reply(Msg.SUBSCRIBE_EXISTS, Map.of("query", command.arguments()));
        bot = new BotHarness(server, new MemoryUpdateOffsets(), router -> router.command(BotCommand.SUBSCRIBE, echo));
        server.sendText(LAYLA_CHAT, LAYLA, "/subscribe <b>سوريا</b> & \"لبنان\"");

        SentMessage reply = server.awaitSentTo(LAYLA.id(), 1).get(0);
        assertThat(reply.visibleText()).isEqualTo("أنت مشترك أصلاً في <b>سوريا</b> & \"لبنان\".");
        assertThat(reply.text()).contains("&lt;b&gt;سوريا&lt;/b&gt; &amp; &quot;لبنان&quot;");
    }

    @Test
    void linksForwardsMembershipAndMigrationsArriveAsTheBotsOwnModel() throws Exception {
        bot.close();
        java.util.concurrent.BlockingQueue<dev.mojaz.bot.chat.Incoming> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        bot = new BotHarness(server, new MemoryUpdateOffsets(), router -> router
                .text((message, context) -> seen.add(message))
                .membership((change, context) -> seen.add(change))
                .migration((change, context) -> seen.add(change)));
        FakeChat group = FakeChat.group(-555, "مجموعة");
        server.sendText(LAYLA_CHAT, LAYLA, "اقرأ هذا 🙂 https://news.example/a?b=1 ثم https://x.example/سوريا");
        server.forward(LAYLA_CHAT, LAYLA, "منشور https://news.example/f", FakeChat.channel(-100222, "قناة الأخبار"));
        server.botStatusChanged(LAYLA_CHAT, LAYLA, "member", "kicked");
        server.botStatusChanged(group, LAYLA, "left", "administrator");
        server.groupMigrated(group, -1000000000555L);

        // Different chats are handled at the same time: put what arrived back in update order.
        List<dev.mojaz.bot.chat.Incoming> arrived = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arrived.add(seen.poll(60, TimeUnit.SECONDS));
        }
        assertThat(arrived).doesNotContainNull();
        assertThat(arrived.get(4)).as("a migration waits for everything before it")
                .isInstanceOf(dev.mojaz.bot.chat.Incoming.Migration.class);
        arrived.sort(java.util.Comparator.comparingLong(dev.mojaz.bot.chat.Incoming::updateId));
        var text = (dev.mojaz.bot.chat.Incoming.Message) arrived.get(0);
        assertThat(text.links()).containsExactly("https://news.example/a?b=1", "https://x.example/سوريا");
        assertThat(text.from().orElseThrow().languageCode()).isEqualTo("ar");
        assertThat(text.forwarded()).isFalse();
        var forwarded = (dev.mojaz.bot.chat.Incoming.Message) arrived.get(1);
        assertThat(forwarded.forwarded()).isTrue();
        assertThat(forwarded.links()).containsExactly("https://news.example/f");
        var blocked = (dev.mojaz.bot.chat.Incoming.Membership) arrived.get(2);
        assertThat(blocked.status()).isEqualTo(dev.mojaz.bot.chat.MemberStatus.KICKED);
        var admin = (dev.mojaz.bot.chat.Incoming.Membership) arrived.get(3);
        assertThat(admin.status()).isEqualTo(dev.mojaz.bot.chat.MemberStatus.ADMINISTRATOR);
        assertThat(admin.chat().kind()).isEqualTo(dev.mojaz.domain.ChatKind.GROUP);
        var migration = (dev.mojaz.bot.chat.Incoming.Migration) arrived.get(4);
        assertThat(migration.toChatId()).isEqualTo(-1000000000555L);
    }

    @Test
    void anAnonymousGroupAdminSpeaksForTheGroup() {
        FakeChat group = FakeChat.supergroup(-1001111, "مجموعة");
        server.sendAsChat(group, "/help@" + server.botUsername());
        assertThat(server.awaitSentTo(group.id(), 1).get(0).visibleText()).startsWith("ما أستطيع فعله");
    }

    @Test
    void anOffsetStoreThatFailsDoesNotStopPolling() throws Exception {
        bot.close();
        UpdateOffsetStore broken = new UpdateOffsetStore() {
            @Override
            public long lastHandled() {
                return 0;
            }

            @Override
            public void handled(long updateId) {
                throw new IllegalStateException("database is locked");
            }
        };
        bot = new BotHarness(server, broken);
        server.sendText(JOHN_CHAT, JOHN, "/help");
        server.awaitSentTo(JOHN.id(), 1);
        server.sendText(JOHN_CHAT, JOHN, "/start");
        assertThat(server.awaitSentTo(JOHN.id(), 2).get(1).visibleText()).startsWith("Hello John!");
        assertThat(bot.intake.lastSuccessfulPoll()).isPresent();
    }
}
