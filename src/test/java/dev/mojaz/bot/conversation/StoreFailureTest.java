package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.app.HealthReport;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.common.Sleeper;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.testing.Await;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database refuses for a while (another connection holds its write lock past the busy timeout, as a long
 * {@code db prune} or a full disk would): no command is lost or answered twice, and the health report says the
 * intake is paused.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class StoreFailureTest extends ConversationTestBase {
    /** Permits for the intake to try a refused update again (the test decides when). */
    private final Semaphore retries = new Semaphore(0);

    @Override
    ConversationHarness.Options options() {
        ConversationHarness.Options options = new ConversationHarness.Options();
        options.storeProperties.setProperty("busy_timeout", "200");
        options.intakeSleeper = deadline -> retries.acquire();
        return options;
    }

    /**
     * Another process holding the database's write lock, as SQLite allows one writer at a time. The replies sent so
     * far are recorded first (the test's outbox drain would fail to record them too).
     */
    private Connection lockTheDatabase() throws SQLException, InterruptedException {
        bot.settle();
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + ConversationHarness.databaseFile(dir));
        try (Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO bot_state (name, value, updated_at) VALUES ('maintenance', 'x', 0)");
        }
        return other;
    }

    private static void unlock(Connection other) throws SQLException {
        try (other; Statement statement = other.createStatement()) {
            statement.execute("ROLLBACK");
        }
    }

    private void awaitTwoMorePolls() {
        int polls = server.calls("getupdates").size();
        server.awaitCalls("getupdates", polls + 2);
    }

    private List<String> queries(long chatId) {
        return bot.store.subscriptions().list(chatId).stream().map(Subscription::query).toList();
    }

    @Test
    void aSubscribeWhileTheDatabaseIsLockedIsStoredAndAnsweredOnceItIsFree() throws Exception {
        ask(LAYLA_CHAT, LAYLA, "/start");
        int before = server.sentTo(LAYLA.id()).size();
        Connection other = lockTheDatabase();
        int update = server.sendText(LAYLA_CHAT, LAYLA, "/subscribe سوريا");

        Await.until("the intake to pause", () -> bot.intake.pause().isPresent());
        retries.release(2); // two more refusals while locked
        Await.until("two more tries", () -> retries.availablePermits() == 0 && retries.hasQueuedThreads());
        awaitTwoMorePolls();
        assertThat(server.sentTo(LAYLA.id())).as("no answer while nothing is stored").hasSize(before);
        assertThat(server.unconfirmedUpdates()).as("the refused update is not acknowledged").isEqualTo(1);
        assertThat(bot.conversation.updateOffsets().wasHandled(update)).isFalse();
        HealthReport health = HealthReport.check(bot.store, List.of(), ConversationHarness.DEFAULTS.health(),
                Clock.systemUTC(), bot.intake.pause());
        assertThat(health.healthy()).isFalse();
        assertThat(health.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("intake paused: store failing since ").contains("SQLITE_BUSY"));

        unlock(other);
        retries.release(100);
        SentMessage done = server.awaitSentTo(LAYLA.id(), before + 1).get(before);
        assertThat(done.visibleText()).isEqualTo(text(Language.AR, Msg.SUBSCRIBE_DONE,
                Map.of("query", "سوريا", "count", 1)));
        server.awaitAllUpdatesConfirmed();
        assertThat(queries(LAYLA.id())).containsExactly("سوريا");
        assertThat(bot.intake.pause()).isEmpty();
        // answered once: the next answer she gets is the one to her next message
        ask(LAYLA_CHAT, LAYLA, "/list");
        assertThat(server.sentTo(LAYLA.id())).hasSize(before + 2);
    }

    @Test
    void aRestartWhileAnUpdateIsHeldHandlesItAndSkipsTheLaterOneThatHadCommitted() throws Exception {
        ask(LAYLA_CHAT, LAYLA, "/start");
        ask(JOHN_CHAT, JOHN, "/start");
        Connection other = lockTheDatabase();
        int held = server.sendText(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        Await.until("the intake to pause", () -> bot.intake.pause().isPresent());
        unlock(other);
        // her update waits for its next try (the test gives none); his, later, commits meanwhile
        SentMessage his = ask(JOHN_CHAT, JOHN, "/subscribe لبنان");
        assertThat(his.visibleText()).contains("لبنان");
        int later = server.calls("getupdates").size();
        server.awaitCalls("getupdates", later + 2);
        assertThat(bot.conversation.updateOffsets().lastHandled()).as("not past her update").isLessThan(held);
        assertThat(server.unconfirmedUpdates()).isEqualTo(2);

        // the process stops with her update unfinished; Telegram hands both again after the restart
        ConversationHarness.Options options = options();
        options.intakeSleeper = Sleeper.system(Clock.systemUTC());
        restart(options);

        SentMessage hers = server.awaitSentTo(LAYLA.id(), 2).get(1);
        assertThat(hers.visibleText()).isEqualTo(text(Language.AR, Msg.SUBSCRIBE_DONE,
                Map.of("query", "سوريا", "count", 1)));
        server.awaitAllUpdatesConfirmed();
        bot.settle();
        assertThat(queries(LAYLA.id())).containsExactly("سوريا");
        assertThat(queries(JOHN.id())).as("his command was not handled twice").containsExactly("لبنان");
        assertThat(server.sentTo(JOHN.id())).hasSize(2);
        assertThat(ask(JOHN_CHAT, JOHN, "/list").visibleText()).contains("لبنان");
        assertThat(server.sentTo(JOHN.id())).hasSize(3);
        assertThat(bot.conversation.updateOffsets().lastHandled()).isGreaterThan(held);
        assertThat(bot.store.handledUpdates().contains(held)).as("forgotten once the mark covers it").isFalse();
    }
}
