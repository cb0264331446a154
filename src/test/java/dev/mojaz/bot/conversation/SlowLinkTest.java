package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.i18n.Language;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.i18n.Msg;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A link to a page that does not answer keeps only its own summary waiting: the person is told "working on it" at
 * once, everyone else is answered meanwhile, and the summary comes when the page does, even across a restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class SlowLinkTest extends ConversationTestBase {
    private PageServer site;

    @BeforeEach
    void startSite() {
        site = new PageServer();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private String heldArticle() {
        return site.url("/held" + PageServer.ARTICLE);
    }

    @Test
    void othersAreAnsweredWhileALinkIsBeingReadAndItsSummaryComesWhenThePageDoes() throws Exception {
        server.sendText(LAYLA_CHAT, LAYLA, "/summary " + heldArticle());
        SentMessage working = server.awaitSentTo(LAYLA.id(), 1).get(0);
        assertThat(working.visibleText()).isEqualTo(text(Language.AR, Msg.SUMMARY_WORKING));
        site.awaitHeldRequests(1);

        // while her page is held: another person, and she herself, are answered
        assertThat(ask(JOHN_CHAT, JOHN, "/help").visibleText()).startsWith("What I can do");
        assertThat(ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا").visibleText()).contains("سوريا");
        assertThat(server.sentTo(LAYLA.id())).hasSize(2);

        site.release();
        SentMessage summary = server.awaitSentTo(LAYLA.id(), 3).get(2);
        assertThat(summary.visibleText()).startsWith(PageServer.TITLE + "\n\n");
        server.awaitAllUpdatesConfirmed();
        bot.settle();
        assertThat(bot.store.summaryRequests().all()).isEmpty();
    }

    @Test
    void aSummaryPromisedBeforeARestartIsMadeAfterIt() throws Exception {
        server.sendText(JOHN_CHAT, JOHN, heldArticle());
        assertThat(server.awaitSentTo(JOHN.id(), 1).get(0).visibleText())
                .isEqualTo(text(Language.EN, Msg.SUMMARY_WORKING));
        site.awaitHeldRequests(1);

        restart(new ConversationHarness.Options());
        site.awaitHeldRequests(2); // asked for again by the new process
        site.release();

        SentMessage summary = server.awaitSentTo(JOHN.id(), 2).get(1);
        assertThat(summary.visibleText()).startsWith(PageServer.TITLE + "\n\n");
        server.awaitAllUpdatesConfirmed();
        bot.settle();
        assertThat(bot.store.summaryRequests().all()).isEmpty();
        assertThat(ask(JOHN_CHAT, JOHN, "/list").visibleText()).as("promised once, answered once")
                .isEqualTo(text(Language.EN, Msg.LIST_EMPTY));
        assertThat(server.sentTo(JOHN.id())).hasSize(3);
    }

    @Test
    void aSummaryAnotherInstanceAnsweredMeanwhileIsNotSentAgain() throws Exception {
        server.sendText(JOHN_CHAT, JOHN, heldArticle());
        server.awaitSentTo(JOHN.id(), 1);
        site.awaitHeldRequests(1);
        // Another instance on the same database resumed the request, made the summary and sent it: the request is gone.
        long id = bot.store.summaryRequests().all().get(0).id();
        assertThat(bot.store.summaryRequests().remove(id)).isTrue();

        site.release();
        // His summaries are made one after another: once the next one (another page) has come, the first was made.
        String next = "خبر آخر عن التنف";
        site.html("/news/2", Fixtures.articlePage(next, PageServer.articleParagraphs(), null));
        server.sendText(JOHN_CHAT, JOHN, site.url("/news/2"));
        List<SentMessage> sent = server.awaitSentTo(JOHN.id(), 3);
        assertThat(sent.get(1).visibleText()).isEqualTo(text(Language.EN, Msg.SUMMARY_WORKING));
        assertThat(sent.get(2).visibleText()).as("not the summary answered elsewhere").startsWith(next + "\n\n");
    }

    @Test
    void oneChatsMessagesAreStillHandledInTheOrderSent() {
        List<String> topics = List.of("سوريا", "لبنان", "العراق", "مصر", "الأردن", "اليمن");
        topics.forEach(topic -> server.sendText(LAYLA_CHAT, LAYLA, "/subscribe " + topic));
        List<SentMessage> replies = server.awaitSentTo(LAYLA.id(), topics.size());

        IntStream.range(0, topics.size()).forEach(i -> assertThat(replies.get(i).visibleText())
                .isEqualTo(text(Language.AR, Msg.SUBSCRIBE_DONE, Map.of("query", topics.get(i), "count", i + 1))));
    }
}
