package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.extract.ExtractedPage;
import dev.mojaz.ingest.summary.Summary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Summaries on demand of links (from a news site on 127.0.0.1), forwarded posts and pasted text. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class SummaryConversationTest {
    PageServer site;

    @BeforeEach
    void startSite() {
        site = new PageServer();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    /** What the summariser itself makes of the site's article page, at the default length. */
    List<String> expectedSummary(ConversationHarness bot) {
        byte[] page = Fixtures.articlePage(PageServer.TITLE, PageServer.articleParagraphs(), null)
                .getBytes(StandardCharsets.UTF_8);
        ExtractedPage extracted = bot.extractor.extract(page, "text/html; charset=utf-8",
                URI.create(site.url(PageServer.ARTICLE)));
        Summary summary = bot.summarizer.summarize(extracted.title(), extracted.text());
        return summary.sentences();
    }

    @Nested
    class WhenPrivateAddressesAreAllowed extends ConversationTestBase {
        @Override
        ConversationHarness.Options options() {
            ConversationHarness.Options options = new ConversationHarness.Options();
            options.summariesPerPerson = 3;
            return options;
        }

        @Test
        void summaryOfALocalUrlIsTheArticlesOwnBestSentences() {
            server.sendText(LAYLA_CHAT, LAYLA, "/summary " + site.url(PageServer.ARTICLE));
            List<SentMessage> replies = server.awaitSentTo(LAYLA.id(), 2);
            assertThat(replies.get(0).visibleText()).as("said at once, before the page is read")
                    .isEqualTo(text(Language.AR, Msg.SUMMARY_WORKING));
            SentMessage reply = replies.get(1);

            String[] parts = reply.visibleText().split("\n\n");
            assertThat(parts).hasSize(3);
            assertThat(parts[0]).isEqualTo(PageServer.TITLE);
            List<String> sentences = Arrays.asList(parts[1].split("\n"));
            assertThat(sentences).isEqualTo(expectedSummary(bot)).hasSizeBetween(1, 3);
            String seed = Fixtures.seed(PageServer.SEED);
            assertThat(sentences).allMatch(seed::contains);
            assertThat(parts[2]).isEqualTo("127.0.0.1");
            assertThat(reply.text()).contains("<a href=\"" + site.url(PageServer.ARTICLE) + "\">");
            assertThat(reply.previewDisabled()).isTrue();
        }

        @Test
        void aLinkSentAloneOrForwardedIsSummarisedToo() {
            SentMessage link = askForSummary(JOHN_CHAT, JOHN, "look at this " + site.url(PageServer.ARTICLE));
            assertThat(link.visibleText()).startsWith(PageServer.TITLE + "\n\n");
            int before = server.sentTo(JOHN.id()).size();
            server.forward(JOHN_CHAT, JOHN, "خبر " + site.url(PageServer.ARTICLE), FakeChat.channel(-100222, "قناة"));
            assertThat(server.awaitSentTo(JOHN.id(), before + 1).get(before).visibleText())
                    .startsWith(PageServer.TITLE + "\n\n");
        }

        @Test
        void failuresAreNamedPolitely() {
            site.raw("/report.pdf", "application/pdf", "%PDF-1.4 not an article".getBytes(StandardCharsets.UTF_8));
            site.raw("/huge", "text/html", new byte[(1 << 20) + 10]);
            assertThat(askForSummary(JOHN_CHAT, JOHN, "/summary " + site.url("/gone")).visibleText())
                    .isEqualTo(text(Language.EN, Msg.SUMMARY_NOT_FOUND));
            assertThat(askForSummary(JOHN_CHAT, JOHN, "/summary " + site.url("/report.pdf")).visibleText())
                    .isEqualTo(text(Language.EN, Msg.SUMMARY_NOT_ARTICLE));
            assertThat(askForSummary(LAYLA_CHAT, LAYLA, "/summary " + site.url("/huge")).visibleText())
                    .isEqualTo(text(Language.AR, Msg.SUMMARY_TOO_LARGE));
            assertThat(askForSummary(LAYLA_CHAT, LAYLA, "/summary ftp://example.com/x").visibleText())
                    .startsWith("ftp://example.com/x ليس رابطاً أستطيع فتحه");
            assertThat(askForSummary(LAYLA_CHAT, LAYLA, "/summary").visibleText()).isEqualTo(text(Language.AR, Msg.SUMMARY_ASK));
        }

        @Test
        void summariesAreRateLimitedPerPersonWithAPoliteMessage() {
            for (int i = 0; i < 3; i++) {
                assertThat(askForSummary(JOHN_CHAT, JOHN, site.url(PageServer.ARTICLE)).visibleText()).startsWith(PageServer.TITLE);
            }
            assertThat(askForSummary(JOHN_CHAT, JOHN, site.url(PageServer.ARTICLE)).visibleText())
                    .isEqualTo("You have asked for many summaries in a short time. Please try again in an hour.");
            // another person is not held back, until they too ask too often: told in Arabic, «ساعة», not «60 دقيقة»
            for (int i = 0; i < 3; i++) {
                assertThat(askForSummary(LAYLA_CHAT, LAYLA, site.url(PageServer.ARTICLE)).visibleText())
                        .startsWith(PageServer.TITLE);
            }
            assertThat(askForSummary(LAYLA_CHAT, LAYLA, site.url(PageServer.ARTICLE)).visibleText())
                    .isEqualTo("طلبتَ ملخصات كثيرة في وقت قصير. أعد المحاولة بعد ساعة من فضلك.");
        }

        @Test
        void longTextIsSummarisedAndShortTextGetsGuidance() {
            String pasted = String.join("\n", PageServer.articleParagraphs());
            SentMessage summary = askForSummary(LAYLA_CHAT, LAYLA, pasted);
            assertThat(summary.visibleText()).startsWith("باختصار\n\n");
            String seed = Fixtures.seed(PageServer.SEED);
            assertThat(summary.visibleText().substring("باختصار\n\n".length()).split("\n")).allMatch(seed::contains);

            assertThat(askForSummary(LAYLA_CHAT, LAYLA, "مرحبا").visibleText()).isEqualTo(text(Language.AR, Msg.UNKNOWN_TEXT));
            int before = server.sentTo(LAYLA.id()).size();
            server.forward(LAYLA_CHAT, LAYLA, "منشور قصير", FakeChat.channel(-100222, "قناة"));
            assertThat(server.awaitSentTo(LAYLA.id(), before + 1).get(before).visibleText())
                    .isEqualTo(text(Language.AR, Msg.SUMMARY_FORWARDED_NO_LINK));
        }
    }

    @Nested
    class WhenAPageNeverAnswers extends ConversationTestBase {
        @Override
        ConversationHarness.Options options() {
            // Short, and still certain to pass: the site's /slow never answers while the test runs.
            ConversationHarness.Options options = new ConversationHarness.Options();
            options.fetchTimeout = java.time.Duration.ofMillis(300);
            return options;
        }

        @Test
        void theSummaryTimesOutPolitely() {
            assertThat(askForSummary(LAYLA_CHAT, LAYLA, "/summary " + site.url("/slow")).visibleText())
                    .isEqualTo(text(Language.AR, Msg.SUMMARY_TIMEOUT));
        }
    }

    @Nested
    class WhenPrivateAddressesAreRefused extends ConversationTestBase {
        @Override
        ConversationHarness.Options options() {
            ConversationHarness.Options options = new ConversationHarness.Options();
            options.allowPrivateAddresses = false;
            return options;
        }

        @Test
        void aLinkToAPrivateAddressIsRefusedPolitelyWithoutBeingFetched() {
            assertThat(askForSummary(LAYLA_CHAT, LAYLA, "/summary " + site.url(PageServer.ARTICLE)).visibleText())
                    .isEqualTo(text(Language.AR, Msg.SUMMARY_PRIVATE_ADDRESS));
            assertThat(askForSummary(JOHN_CHAT, JOHN, "http://localhost:1/admin").visibleText())
                    .isEqualTo("I do not open links to private or local network addresses.");
            assertThat(site.requests.get()).isZero();
        }
    }
}
