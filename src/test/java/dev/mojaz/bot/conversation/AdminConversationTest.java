package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.ingest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin commands: refused to others, working for the ids in telegram.admins. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class AdminConversationTest extends ConversationTestBase {
    private PageServer site;

    @BeforeEach
    void startSite() {
        site = new PageServer();
        site.raw("/feed.xml", "application/rss+xml; charset=utf-8", Fixtures.rss("أخبار محلية",
                List.of(new Fixtures.Item("خبر", site.url("/news/1"), "g1", "نص"))).getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void adminCommandsAreRefusedToEveryoneElse() {
        for (String command : List.of("/stats", "/addsource x https://a.example/rss", "/broadcast hi", "/exportopml")) {
            assertThat(ask(JOHN_CHAT, JOHN, command).visibleText()).isEqualTo(text(Language.EN, Msg.ADMIN_NOT_ALLOWED));
        }
        SentMessage confirm = ask(ADMIN_CHAT, ADMIN, "/broadcast hello");
        assertThat(press(ADMIN_CHAT, JOHN, confirm, "bc:send")).isEqualTo(plain(Language.EN, Msg.ANSWER_NOT_ALLOWED));
        assertThat(bot.catalog.find("x")).isEmpty();
    }

    @Test
    void statsShowPeopleQueueAndSourceHealth() {
        ask(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        SentMessage stats = ask(ADMIN_CHAT, ADMIN, "/stats");
        assertThat(stats.visibleText()).startsWith("Mojaz now\nPeople and chats: 1, active: 1\nSubscriptions: 1")
                .contains("Outbox: ").contains("• BBC عربي (bbc-arabic): not read yet, last read never");
    }

    @Test
    void addingAndRemovingSources() {
        assertThat(ask(ADMIN_CHAT, ADMIN, "/addsource").visibleText()).startsWith("Usage: /addsource");
        assertThat(ask(ADMIN_CHAT, ADMIN, "/addsource local-news " + site.url("/news/1") + " Local").visibleText())
                .startsWith("I could not use " + site.url("/news/1") + " as a feed:");
        assertThat(ask(ADMIN_CHAT, ADMIN, "/addsource Bad_Id " + site.url("/feed.xml")).visibleText())
                .contains("id must be lower-case letters");
        assertThat(ask(ADMIN_CHAT, ADMIN, "/addsource sana " + site.url("/feed.xml")).visibleText())
                .isEqualTo("There is already a source sana.");

        assertThat(ask(ADMIN_CHAT, ADMIN, "/addsource local-news " + site.url("/feed.xml") + " أخبار محلية").visibleText())
                .isEqualTo("Source local-news (أخبار محلية) added. I will read it from now on.");
        SourceConfig added = bot.catalog.find("local-news").orElseThrow();
        assertThat(added.feed().toString()).isEqualTo(site.url("/feed.xml"));
        assertThat(bot.store.sources().find("local-news")).isPresent();
        // queries may name it now
        assertThat(ask(JOHN_CHAT, JOHN, "/subscribe سوريا source:local-news").visibleText())
                .startsWith("Subscribed to سوريا source:local-news.");

        SentMessage removeAdded = ask(ADMIN_CHAT, ADMIN, "/removesource local-news");
        press(ADMIN_CHAT, ADMIN, removeAdded, "rms:y:local-news");
        assertThat(currentText(removeAdded)).startsWith("Source local-news removed, and every follow of it.");
        assertThat(bot.catalog.find("local-news")).isEmpty();
        SentMessage removeConfigured = ask(ADMIN_CHAT, ADMIN, "/removesource sana");
        press(ADMIN_CHAT, ADMIN, removeConfigured, "rms:y:sana");
        assertThat(currentText(removeConfigured)).startsWith("Source sana removed, and every follow of it.");
        assertThat(bot.catalog.find("sana").orElseThrow().enabled()).isFalse();
        assertThat(bot.catalog.enabled()).extracting(SourceConfig::id).doesNotContain("sana");
        assertThat(ask(ADMIN_CHAT, ADMIN, "/removesource sana").visibleText()).isEqualTo("There is no source sana.");
    }

    @Test
    void removingASourceAsksFirstAndOnlyTheConfirmationRemovesIt() {
        SentMessage confirm = ask(ADMIN_CHAT, ADMIN, "/removesource sana");
        assertThat(confirm.visibleText()).startsWith("Remove the source sana (");
        assertThat(confirm.buttonData()).containsExactly("rms:y:sana", "rms:n:sana");
        assertThat(bot.catalog.find("sana").orElseThrow().enabled()).as("nothing removed yet").isTrue();

        assertThat(press(ADMIN_CHAT, ADMIN, confirm, "rms:n:sana")).isEqualTo(plain(Language.EN, Msg.ANSWER_CANCELLED));
        assertThat(currentText(confirm)).isEqualTo(text(Language.EN, Msg.SUBSCRIBE_CANCELLED));
        assertThat(bot.catalog.find("sana").orElseThrow().enabled()).isTrue();

        SentMessage again = ask(ADMIN_CHAT, ADMIN, "/removesource sana");
        assertThat(press(ADMIN_CHAT, JOHN, again, "rms:y:sana")).isEqualTo(plain(Language.EN, Msg.ANSWER_NOT_ALLOWED));
        assertThat(bot.catalog.find("sana").orElseThrow().enabled()).isTrue();
        assertThat(press(ADMIN_CHAT, ADMIN, again, "rms:y:sana")).isEqualTo(plain(Language.EN, Msg.ANSWER_REMOVED));
        assertThat(currentText(again)).isEqualTo("Source sana removed, and every follow of it. Its articles stay until they expire.");
        assertThat(bot.catalog.find("sana").orElseThrow().enabled()).isFalse();
        // the same button pressed again (or an old confirmation) finds nothing left to remove
        assertThat(press(ADMIN_CHAT, ADMIN, again, "rms:y:sana")).isEqualTo(plain(Language.EN, Msg.ANSWER_EXPIRED));
    }

    @Test
    void opmlImportFromADocumentAndExportAsMessages() {
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
                + "<outline text=\"Local One\" type=\"rss\" xmlUrl=\"" + site.url("/feed.xml") + "\"/>"
                + "<outline text=\"Local Two\" type=\"rss\" xmlUrl=\"" + site.url("/feed2.xml") + "\"/>"
                + "<outline text=\"BBC again\" type=\"rss\" xmlUrl=\"https://feeds.bbci.co.uk/arabic/rss.xml\"/>"
                + "</body></opml>";
        int before = server.sentTo(ADMIN.id()).size();
        server.sendDocument(ADMIN_CHAT, ADMIN, "feeds.opml", opml.getBytes(StandardCharsets.UTF_8), "/importopml");
        SentMessage done = server.awaitSentTo(ADMIN.id(), before + 1).get(before);
        assertThat(done.visibleText()).startsWith("Imported 2 sources; one skipped (already present or invalid).")
                .contains("already present as bbc-arabic");
        assertThat(bot.catalog.find("local-one")).isPresent();
        assertThat(bot.catalog.find("local-two")).isPresent();

        SentMessage export = ask(ADMIN_CHAT, ADMIN, "/exportopml");
        assertThat(export.visibleText()).startsWith("The sources as OPML (10).")
                .contains("<opml version=\"2.0\"").contains("mojaz:id=\"local-two\"").contains("</opml>");
        assertThat(export.text()).contains("<pre>&lt;?xml");

        assertThat(ask(ADMIN_CHAT, ADMIN, "/importopml").visibleText()).isEqualTo(text(Language.EN, Msg.ADMIN_IMPORTOPML_ASK));
    }

    @Test
    void aBroadcastGoesToEveryReceivingChatAfterAConfirmation() {
        ask(LAYLA_CHAT, LAYLA, "/start");
        ask(JOHN_CHAT, JOHN, "/start");
        ask(JOHN_CHAT, JOHN, "/stop");
        SentMessage confirm = ask(ADMIN_CHAT, ADMIN, "/broadcast Mojaz <b>is</b> back & better");
        assertThat(confirm.visibleText()).isEqualTo("Send this to one chat?\n\nMojaz <b>is</b> back & better");
        assertThat(confirm.buttonData()).containsExactly("bc:send", "bc:x");

        int layla = server.sentTo(LAYLA.id()).size();
        press(ADMIN_CHAT, ADMIN, confirm, "bc:send");
        assertThat(server.awaitSentTo(LAYLA.id(), layla + 1).get(layla).visibleText())
                .isEqualTo("Mojaz <b>is</b> back & better");
        assertThat(currentText(confirm)).isEqualTo("Queued for one chat.");
        assertThat(server.sentTo(JOHN.id())).hasSize(2); // paused: nothing more
        // the pending text is used once
        assertThat(press(ADMIN_CHAT, ADMIN, confirm, "bc:send")).isEqualTo(plain(Language.EN, Msg.ANSWER_EXPIRED));
    }
}
