package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.store.Database;
import dev.mojaz.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The disk fills up under the bot: SQLite answers SQLITE_FULL. No command is lost: it is held until there is room,
 * then stored and answered once.
 *
 * <p>A full disk, made real and deterministic: the bot's connections may not grow the database file past its size
 * at start ({@code max_page_count}), and the outbox's one page is nearly filled beforehand by a dead message, so
 * the first reply the bot enqueues needs a page the "disk" does not have. Deleting that message makes room, as
 * freeing disk space would.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class DiskFullTest extends ConversationTestBase {
    private static final long FILLER_CHAT = -1;
    private final Semaphore retries = new Semaphore(0);

    @Override
    ConversationHarness.Options options() {
        Path file = ConversationHarness.databaseFile(dir);
        Database.migrateSqlite(file);
        long pages;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement()) {
            statement.execute("INSERT INTO outbox (chat_id, body, html, reply_markup, disable_preview, state, attempts,"
                    + " next_attempt_at, last_error, sent_message_id, created_at, updated_at) VALUES (" + FILLER_CHAT
                    + ", '" + "x".repeat(3900) + "', FALSE, NULL, TRUE, 'dead', 0, 0, 'filler', NULL, 0, 0)");
            try (ResultSet count = statement.executeQuery("PRAGMA page_count")) {
                count.next();
                pages = count.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        ConversationHarness.Options options = new ConversationHarness.Options();
        options.storeProperties.setProperty("max_page_count", Long.toString(pages));
        options.intakeSleeper = deadline -> retries.acquire();
        return options;
    }

    private void makeRoom() throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + ConversationHarness.databaseFile(dir));
             Statement statement = other.createStatement()) {
            statement.execute("DELETE FROM outbox WHERE chat_id = " + FILLER_CHAT);
        }
    }

    @Test
    void aSubscribeWhenTheDiskIsFullIsHeldThenStoredAndAnsweredOnceThereIsRoom() throws Exception {
        int update = server.sendText(LAYLA_CHAT, LAYLA, "/subscribe سوريا");

        Await.until("the intake to pause", () -> bot.intake.pause().isPresent());
        assertThat(bot.intake.pause().orElseThrow().reason()).contains("SQLITE_FULL");
        int polls = server.calls("getupdates").size();
        server.awaitCalls("getupdates", polls + 2);
        assertThat(server.sentTo(LAYLA.id())).isEmpty();
        assertThat(server.unconfirmedUpdates()).isEqualTo(1);
        assertThat(bot.conversation.updateOffsets().wasHandled(update)).isFalse();

        makeRoom();
        retries.release(100);
        SentMessage done = server.awaitSentTo(LAYLA.id(), 1).get(0);
        assertThat(done.visibleText()).isEqualTo(text(Language.AR, Msg.SUBSCRIBE_DONE,
                Map.of("query", "سوريا", "count", 1)));
        server.awaitAllUpdatesConfirmed();
        assertThat(bot.store.subscriptions().list(LAYLA.id())).extracting(Subscription::query)
                .containsExactly("سوريا");
        assertThat(bot.intake.pause()).isEmpty();
        ask(LAYLA_CHAT, LAYLA, "/list");
        assertThat(server.sentTo(LAYLA.id())).as("answered once").hasSize(2);
    }
}
