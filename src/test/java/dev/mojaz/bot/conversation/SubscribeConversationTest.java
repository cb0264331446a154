package dev.mojaz.bot.conversation;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.match.SubscriptionIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscribing, listing and unsubscribing, through the real client, the fake server and a real SQLite file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class SubscribeConversationTest extends ConversationTestBase {

    @Test
    void anArabicSpeakerSubscribesAndListShowsIt() throws Exception {
        SentMessage welcome = ask(LAYLA_CHAT, LAYLA, "/start");
        assertThat(welcome.visibleText()).startsWith("أهلاً ليلى!").contains("08:00").contains("دمشق");

        SentMessage done = ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا -رياضة");
        assertThat(done.visibleText()).startsWith("تم الاشتراك في سوريا -رياضة.").contains("لديك اشتراك واحد.");

        SentMessage list = ask(LAYLA_CHAT, LAYLA, "/list");
        assertThat(list.visibleText()).startsWith("اشتراكاتك (1):").contains("1. سوريا -رياضة");

        List<Subscription> stored = bot.store.subscriptions().list(LAYLA.id());
        assertThat(stored).extracting(Subscription::query).containsExactly("سوريا -رياضة");
        assertThat(bot.store.chats().find(LAYLA.id()).orElseThrow().settings().language()).isEqualTo("ar");
        // the live engine has it: the dispatcher matches new articles with it
        assertThat(bot.live.match("", "وصل الوفد إلى سوريا أمس", "sana"))
                .extracting(SubscriptionIndex.Hit::chatId).containsExactly(LAYLA.id());
        assertThat(bot.live.match("", "مباراة في سوريا في الرياضة", "sana")).isEmpty();
        // every reply went through the outbox
        bot.settle();
        assertThat(bot.store.deliveries().ofChat(LAYLA.id())).hasSize(3)
                .allMatch(m -> m.state() == OutboxMessage.State.SENT);
    }

    @Test
    void aQueryThatCannotBeUsedIsExplainedInThePersonsLanguage() {
        SentMessage arabic = ask(LAYLA_CHAT, LAYLA, "/subscribe \"جبهة النصرة");
        assertThat(arabic.visibleText()).startsWith("لم أفهم \"جبهة النصرة:")
                .contains("علامة التنصيص قبل «جبهة النصرة» غير مغلقة");

        SentMessage english = ask(JOHN_CHAT, JOHN, "/subscribe \"جبهة النصرة");
        assertThat(english.visibleText()).startsWith("I could not understand \"جبهة النصرة:")
                .contains("The quote before “جبهة النصرة” is not closed");

        assertThat(bot.store.subscriptions().list(LAYLA.id())).isEmpty();
        assertThat(bot.engine.size()).isZero();
    }

    @Test
    void unknownCommandsGetAHelpfulAnswer() {
        assertThat(ask(JOHN_CHAT, JOHN, "/frobnicate now").visibleText())
                .isEqualTo("I do not know the command /frobnicate. /help lists what I can do.");
    }

    @Test
    void theSameQueryTwiceIsOneSubscription() {
        ask(JOHN_CHAT, JOHN, "/subscribe سوريا");
        SentMessage again = ask(JOHN_CHAT, JOHN, "/subscribe   سوريا ");
        assertThat(again.visibleText()).isEqualTo("You are already subscribed to سوريا.");
        assertThat(bot.store.subscriptions().list(JOHN.id())).hasSize(1);
    }

    @Test
    void unsubscribingWithTheKeyboard() {
        ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        ask(LAYLA_CHAT, LAYLA, "/subscribe لبنان");
        List<Subscription> stored = bot.store.subscriptions().list(LAYLA.id());

        SentMessage pick = ask(LAYLA_CHAT, LAYLA, "/unsubscribe");
        assertThat(pick.visibleText()).isEqualTo(text(Language.AR, Msg.UNSUBSCRIBE_PICK));
        assertThat(pick.buttonData()).containsExactly("unsub:" + stored.get(0).id(), "unsub:" + stored.get(1).id(),
                "unsub:all", "unsub:x");
        assertThat(pick.buttonLabels()).startsWith("✕ سوريا", "✕ لبنان");

        assertThat(press(LAYLA_CHAT, LAYLA, pick, "unsub:" + stored.get(0).id())).isEqualTo("حُذف");
        assertThat(currentText(pick)).isEqualTo("حُذف اشتراك سوريا. بقي لديك اشتراك واحد.");
        assertThat(currentButtons(pick)).containsExactly("unsub:" + stored.get(1).id(), "unsub:all", "unsub:x");
        assertThat(bot.store.subscriptions().list(LAYLA.id())).extracting(Subscription::query).containsExactly("لبنان");
        assertThat(bot.engine.size()).isEqualTo(1);

        // an old button for the one already removed does nothing
        assertThat(press(LAYLA_CHAT, LAYLA, pick, "unsub:" + stored.get(0).id()))
                .isEqualTo(plain(Language.AR, Msg.ANSWER_EXPIRED));
        assertThat(bot.store.subscriptions().list(LAYLA.id())).hasSize(1);
    }

    @Test
    void theGuidedFlowOffersTopicsAndTakesTheNextMessageAsTheQuery() {
        SentMessage ask = ask(JOHN_CHAT, JOHN, "/subscribe");
        assertThat(ask.visibleText()).startsWith("What should I watch for?");
        // an English reader sees the topics by their English names; each subscribes to the Arabic the sources write
        assertThat(ask.buttonLabels()).contains("Syria", "Lebanon", "Economy", "Cancel");

        assertThat(press(JOHN_CHAT, JOHN, ask, "sub:t1")).isEqualTo("Saved");
        assertThat(currentText(ask)).startsWith("Subscribed to لبنان.");

        ask(JOHN_CHAT, JOHN, "/subscribe");
        SentMessage done = ask(JOHN_CHAT, JOHN, "\"مجلس الأمن\"");
        assertThat(done.visibleText()).startsWith("Subscribed to \"مجلس الأمن\".").contains("You have 2 subscriptions.");

        // once answered, free text is free text again
        SentMessage after = ask(JOHN_CHAT, JOHN, "hello");
        assertThat(after.visibleText()).isEqualTo(text(Language.EN, Msg.UNKNOWN_TEXT));
    }

    @Test
    void anArabicReaderSeesTheTopicsAsTheyAreFollowed() {
        assertThat(ask(LAYLA_CHAT, LAYLA, "/subscribe").buttonLabels()).contains("سوريا", "عراق", "اقتصاد");
    }

    @Test
    void wordsNoSourceShowsAreNamedAndTheArabicFormOfferedWhileKnownPlacesPassAsTyped() {
        // a place the matcher knows by its English name is subscribed to as typed, and the answer says what it finds
        assertThat(ask(JOHN_CHAT, JOHN, "/subscribe Syria").visibleText()).startsWith("Subscribed to Syria («Syria = سوريا»).");

        // typed apart, "Arabia" alone is nothing; "Saudi Arabia" is a place, whose one-word Arabic name is offered
        SentMessage asked = ask(JOHN_CHAT, JOHN, "/subscribe Saudi Arabia");
        assertThat(asked.visibleText()).isEqualTo("The sources I read publish in Arabic, so Arabia will rarely match"
                + " anything. In Arabic: السعودية. Which should I follow?");
        assertThat(asked.buttonLabels()).containsExactly("Follow “السعودية”", "Keep “Saudi Arabia” as typed", "Cancel");
        assertThat(bot.store.subscriptions().list(JOHN.id())).hasSize(1);
        assertThat(press(JOHN_CHAT, JOHN, asked, "sub:ar")).isEqualTo("Saved");
        assertThat(currentText(asked)).startsWith("Subscribed to السعودية.");

        // kept as typed when the person says so
        SentMessage unknown = ask(JOHN_CHAT, JOHN, "/subscribe football");
        assertThat(unknown.visibleText()).contains("I do not know how it is written in Arabic");
        assertThat(unknown.buttonData()).containsExactly("sub:keep", "sub:x");
        press(JOHN_CHAT, JOHN, unknown, "sub:keep");
        assertThat(bot.store.subscriptions().list(JOHN.id())).extracting(Subscription::query)
                .containsExactly("Syria", "السعودية", "football");
    }

    @Test
    void anArabicReaderIsToldInArabicAndWordsTheSourcesWriteAreNotQuestioned() {
        SentMessage asked = ask(LAYLA_CHAT, LAYLA, "/subscribe football");
        assertThat(asked.visibleText()).isEqualTo("المصادر التي أقرأ منها تنشر باللغة العربية، فنادراً ما يُعثر فيها"
                + " على football، ولا أعرف كيف يُكتب ذلك بالعربية. اكتبه كما تكتبه الأخبار العربية، أو أبقِه كما هو.");
        assertThat(ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا 2254").visibleText()).startsWith("تم الاشتراك");
    }

    @Test
    void followingAWholeSourceFromSources() {
        SentMessage sources = ask(JOHN_CHAT, JOHN, "/sources");
        assertThat(sources.visibleText()).startsWith("Everyone's sources (8).").contains("سانا (sana)");
        assertThat(sources.buttonData()).hasSize(9).contains("src:f:0:bbc-arabic", "my:a");

        assertThat(press(JOHN_CHAT, JOHN, sources, "src:f:0:bbc-arabic")).isEqualTo("Saved");
        assertThat(currentButtons(sources)).contains("src:f:0:bbc-arabic");
        List<Subscription> stored = bot.store.subscriptions().list(JOHN.id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).query()).isEmpty();
        assertThat(stored.get(0).sourceId()).isEqualTo("bbc-arabic");
        assertThat(bot.live.match("t", "any text at all", "bbc-arabic"))
                .extracting(SubscriptionIndex.Hit::chatId).containsExactly(JOHN.id());

        SentMessage list = ask(JOHN_CHAT, JOHN, "/list");
        assertThat(list.visibleText()).contains("• everything from BBC عربي");

        assertThat(press(JOHN_CHAT, JOHN, sources, "src:f:0:bbc-arabic")).isEqualTo("Removed");
        assertThat(bot.store.subscriptions().list(JOHN.id())).isEmpty();
        assertThat(bot.live.match("t", "any text at all", "bbc-arabic")).isEmpty();
    }

    @Test
    void digestNowOrSayThereIsNothing() {
        assertThat(ask(JOHN_CHAT, JOHN, "/digest").visibleText()).isEqualTo(text(Language.EN, Msg.UNSUBSCRIBE_NONE));
        ask(JOHN_CHAT, JOHN, "/subscribe سوريا");
        assertThat(ask(JOHN_CHAT, JOHN, "/digest").visibleText()).isEqualTo(text(Language.EN, Msg.DIGEST_EMPTY));
        bot.options.digestArticles.set(2);
        assertThat(ask(JOHN_CHAT, JOHN, "/digest").visibleText()).isEqualTo("Test digest of 2");
    }

    @Test
    void theLanguageChosenWithLangIsKept() throws Exception {
        SentMessage langs = ask(LAYLA_CHAT, LAYLA, "/lang");
        assertThat(press(LAYLA_CHAT, LAYLA, langs, "lang:en")).isEqualTo("Saved");
        assertThat(bot.store.chats().find(LAYLA.id()).orElseThrow().settings().language()).isEqualTo("en");
        restart(options());
        assertThat(ask(LAYLA_CHAT, LAYLA, "/help").visibleText()).startsWith("What I can do");
        assertThat(ask(LAYLA_CHAT, LAYLA, "/subscribe").visibleText()).startsWith("What should I watch for?");
    }
}
