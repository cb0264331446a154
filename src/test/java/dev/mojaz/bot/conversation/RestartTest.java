package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.Call;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.Fault;
import dev.mojaz.domain.Subscription;
import dev.mojaz.store.SqlStorage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The last handled update id is stored with each update's effects: a restart neither loses nor repeats a command. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class RestartTest extends ConversationTestBase {
    @Override
    ConversationHarness.Options options() {
        ConversationHarness.Options options = new ConversationHarness.Options();
        options.pollRetry = Duration.ofSeconds(30); // after a failed getUpdates the bot waits: time to stop it
        // The waiting poll ends only with the update the test sends, never on its own: so the getUpdates that fails
        // is always the one confirming that update, however slowly the test runs.
        options.pollTimeout = Duration.ofMinutes(10);
        return options;
    }

    @Test
    void aCommandHandledBeforeTelegramWasToldIsNotHandledAgainAndOneSentMeanwhileIsNotLost() throws Exception {
        server.awaitWaitingPoll();
        int polls = server.calls("getUpdates").size();
        server.failNext("getUpdates", Fault.serverError());
        int subscribe = server.sendText(LAYLA_CHAT, LAYLA, "/subscribe سوريا");
        SentMessage subscribed = server.awaitSentTo(LAYLA.id(), 1).get(0);
        assertThat(subscribed.visibleText()).startsWith("تم الاشتراك في سوريا.");

        // the getUpdates that would have confirmed the update failed: Telegram still holds it when the bot stops
        List<Call> after = server.awaitCalls("getUpdates", polls + 2);
        assertThat(after.get(polls + 1).status()).isEqualTo(500);
        bot.settle();
        bot.close();
        bot = null;
        assertThat(server.unconfirmedUpdates()).isEqualTo(1);

        // while the bot is down, another command arrives
        int list = server.sendText(LAYLA_CHAT, LAYLA, "/list");

        bot = new ConversationHarness(server, dir, new ConversationHarness.Options());
        SentMessage listed = server.awaitSentTo(LAYLA.id(), 2).get(1);
        server.awaitAllUpdatesConfirmed();

        assertThat(listed.visibleText()).startsWith("اشتراكاتك (1):");
        assertThat(server.sentTo(LAYLA.id())).hasSize(2);
        assertThat(bot.store.subscriptions().list(LAYLA.id())).extracting(Subscription::query).containsExactly("سوريا");
        assertThat(bot.conversation.updateOffsets().lastHandled()).isEqualTo(list);
        assertThat(list).isGreaterThan(subscribe);
        assertThat(bot.engine.size()).as("loaded from the store at start").isEqualTo(1);
    }

    @Test
    void repliesCommittedButNotYetSentGoOutAfterTheRestart() throws Exception {
        ask(JOHN_CHAT, JOHN, "/start");
        bot.settle();
        bot.close();
        bot = null;
        // a reply committed to the outbox in the same transaction as its update, then the process died
        try (var store = dev.mojaz.store.SqlStorage.open(new dev.mojaz.config.StoreConfig("mojaz.db", 30), dir,
                java.time.Clock.systemUTC())) {
            store.deliveries().enqueue(JOHN.id(), List.of(dev.mojaz.domain.NewMessage.html("<b>left behind</b>")));
        }
        bot = new ConversationHarness(server, dir, new ConversationHarness.Options());
        assertThat(server.awaitSentTo(JOHN.id(), 2).get(1).visibleText()).isEqualTo("left behind");
    }
}
