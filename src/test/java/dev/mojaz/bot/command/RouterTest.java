package dev.mojaz.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.MemberStatus;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguageResolver;
import dev.mojaz.i18n.MemoryLanguagePreferences;
import dev.mojaz.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Routing rules, with replies collected by a {@link ReplySink} that keeps them (the end-to-end tests send them). */
@Tag("fast")
class RouterTest {
    private static final Texts TEXTS = Texts.load();
    private static final Person ADMIN = new Person(1, "Admin", "", "en");
    private static final Person SAMI = new Person(2, "سامي", "", "ar");
    private static final ChatRef SAMI_CHAT = ChatRef.privateChat(2, "سامي");
    private static final ChatRef CHANNEL = new ChatRef(-1005, ChatKind.CHANNEL, "قناة");
    private static final ChatRef GROUP = new ChatRef(-77, ChatKind.GROUP, "مجموعة");

    private final List<Object> replies = new ArrayList<>();
    private final ReplySink sink = new ReplySink() {
        @Override
        public void send(OutgoingMessage message) {
            replies.add(message);
        }

        @Override
        public void edit(MessageEdit edit) {
            replies.add(edit);
        }

        @Override
        public void answer(CallbackAnswer answer) {
            replies.add(answer);
        }
    };
    private final List<String> handled = new ArrayList<>();

    private Router.Builder router() {
        return Router.builder().botUsername("MojazBot").admins(List.of(ADMIN.id(), CHANNEL.id()))
                .languages(new LanguageResolver(new MemoryLanguagePreferences(), Language.AR)).texts(TEXTS).replies(sink);
    }

    private static Incoming.Message text(ChatRef chat, Person from, String text) {
        return new Incoming.Message(1, chat, Optional.ofNullable(from), 10, text, List.of(), false);
    }

    private String onlyReplyText() {
        assertThat(replies).hasSize(1);
        return ((OutgoingMessage) replies.get(0)).text().visibleText();
    }

    @Test
    void adminCommandsAreRefusedToOthersEvenBeforeTheyExist() throws Exception {
        Router r = router().command(BotCommand.STATS, (c, ctx) -> handled.add("stats")).build();
        r.handle(text(SAMI_CHAT, SAMI, "/stats"));
        assertThat(onlyReplyText()).isEqualTo("هذا الأمر لمشرفي البوت فقط.");
        assertThat(handled).isEmpty();

        replies.clear();
        r.handle(text(ChatRef.privateChat(1, "Admin"), ADMIN, "/stats"));
        assertThat(handled).containsExactly("stats");
    }

    @Test
    void aMessageOnBehalfOfAChatNeverUsesAdminCommandsEvenWhenTheChatIsListed() throws Exception {
        Router r = router().command(BotCommand.STATS, (c, ctx) -> handled.add("stats")).build();
        // a post in a channel whose id is in telegram.admins: it speaks for the channel, and names no person
        r.handle(new Incoming.Message(1, CHANNEL, Optional.empty(), Optional.of(CHANNEL), 10, "/stats", List.of(),
                false, Optional.empty()));
        assertThat(onlyReplyText()).isEqualTo("هذا الأمر لمشرفي البوت فقط.");
        assertThat(handled).isEmpty();
    }

    @Test
    void aCommandForAnotherBotIsExplainedInAPrivateChatAndLeftAloneInAGroup() throws Exception {
        Router r = router()
                .command(BotCommand.SUBSCRIBE, (c, ctx) -> handled.add("subscribe"))
                .command(BotCommand.STOP, (c, ctx) -> handled.add("stop"))
                .build();
        r.handle(text(GROUP, SAMI, "/subscribe@OtherBot سوريا"));
        assertThat(replies).as("another bot in the group may answer it").isEmpty();

        r.handle(text(SAMI_CHAT, SAMI, "/subscribe@OtherBot سوريا"));
        assertThat(onlyReplyText()).isEqualTo("هذا الأمر موجّه إلى بوت آخر لا إليّ. لاستخدام أمري أرسل /subscribe"
                + " دون الجزء الذي يبدأ بـ @.");
        replies.clear();
        r.handle(text(SAMI_CHAT, SAMI, "/weather@OtherBot"));
        assertThat(onlyReplyText()).isEqualTo("هذا الأمر موجّه إلى بوت آخر لا إليّ. الأمر /help يعرض ما أستطيع فعله.");
        replies.clear();
        r.handle(text(SAMI_CHAT, SAMI, "/stop@OtherBot"));
        assertThat(onlyReplyText()).startsWith("هذا الأمر موجّه إلى بوت آخر");
        assertThat(handled).as("never acted on: /stop@OtherBot must not pause Mojaz").isEmpty();
    }

    @Test
    void textInGroupsIsIgnoredButInPrivateItIsAnswered() throws Exception {
        Router r = router().text((m, ctx) -> handled.add("text " + m.text())).build();
        r.handle(text(GROUP, SAMI, "مرحبا"));
        r.handle(text(SAMI_CHAT, SAMI, "https://example.com/news"));
        assertThat(handled).containsExactly("text https://example.com/news");
    }

    @Test
    void everyButtonPressIsAnsweredExactlyOnce() throws Exception {
        Router r = router()
                .callback("quiet", (payload, ctx) -> handled.add("quiet " + payload))
                .callback("loud", (payload, ctx) -> ctx.answer("تم"))
                .build();
        r.handle(new Incoming.Callback(1, SAMI_CHAT, SAMI, "q1", 10, "quiet:7"));
        r.handle(new Incoming.Callback(2, SAMI_CHAT, SAMI, "q2", 10, "loud:1"));
        r.handle(new Incoming.Callback(3, SAMI_CHAT, SAMI, "q3", 10, "unknown:1"));

        assertThat(handled).containsExactly("quiet 7");
        assertThat(replies).containsExactly(
                new CallbackAnswer("q1", "", false),
                new CallbackAnswer("q2", "تم", false),
                new CallbackAnswer("q3", "انتهت صلاحية هذه الأزرار. أرسل الأمر من جديد.", false));
    }

    @Test
    void aFailingButtonHandlerStillStopsTheSpinner() throws Exception {
        Router r = router().callback("boom", (payload, ctx) -> {
            throw new IllegalStateException("no");
        }).build();
        r.handle(new Incoming.Callback(1, SAMI_CHAT, SAMI, "q1", 10, "boom"));
        assertThat(replies).containsExactly(new CallbackAnswer("q1", "انتهت صلاحية هذه الأزرار. أرسل الأمر من جديد.", false));
    }

    @Test
    void membershipAndMigrationReachTheirHandlers() throws Exception {
        Router r = router()
                .membership((m, ctx) -> handled.add(m.status() + " in " + m.chat().id()))
                .migration((m, ctx) -> handled.add(m.chat().id() + " -> " + m.toChatId()))
                .build();
        r.handle(new Incoming.Membership(1, SAMI_CHAT, Optional.of(SAMI), MemberStatus.KICKED));
        r.handle(new Incoming.Migration(2, GROUP, -100777));
        assertThat(handled).containsExactly("KICKED in 2", "-77 -> -100777");
        assertThat(replies).isEmpty();
    }
}
