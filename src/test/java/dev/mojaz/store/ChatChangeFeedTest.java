package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.ChatSettings;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What one instance learns of the subscription changes another instance made on the same PostgreSQL database. */
@Tag("fast")
class ChatChangeFeedTest extends StoreTestBase {

    @Test
    void onSqliteThereIsNothingToFollow() {
        assumeTrue(dialect == Dialect.SQLITE);
        store.chatChanges().start();
        chat(7);
        store.subscriptions().add(7, "سوريا", null, 10);
        assertThat(store.chatChanges().changedChats()).isEmpty();
    }

    @Test
    void everyChangeThatMattersToTheMatcherIsReportedOnce() {
        assumeTrue(dialect == Dialect.POSTGRESQL);
        chat(7);
        chat(8);
        chat(9);
        try (SqlStorage other = new SqlStorage(target.open(), clock, 30)) {
            ChatChangeFeed feed = store.chatChanges();
            feed.start();
            other.subscriptions().add(7, "سوريا", null, 10);
            assertThat(feed.changedChats()).containsExactly(7L);
            assertThat(feed.changedChats()).as("reported once").isEmpty();

            other.chats().setPaused(8, true);
            other.chats().updateSettings(9, ChatSettings.defaults("en", DAMASCUS));
            assertThat(feed.changedChats()).as("a setting that does not change matching is not reported")
                    .containsExactly(8L);

            long id = other.subscriptions().list(7).get(0).id();
            other.subscriptions().remove(7, id);
            other.chats().deactivate(9, "blocked");
            other.chats().forget(8);
            assertThat(feed.changedChats()).containsExactlyInAnyOrder(7L, 8L, 9L);
        }
    }

    @Test
    void aChangeThatCommitsAfterALaterOneIsStillReported() throws Exception {
        assumeTrue(dialect == Dialect.POSTGRESQL);
        chat(1);
        chat(2);
        try (SqlStorage other = new SqlStorage(target.open(), clock, 30)) {
            ChatChangeFeed feed = store.chatChanges();
            feed.start();
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch mayCommit = new CountDownLatch(1);
            // Chat 1's change takes its sequence number first and commits last.
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> other.transaction(() -> {
                other.subscriptions().add(1, "حلب", null, 10);
                written.countDown();
                try {
                    mayCommit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            other.subscriptions().add(2, "دمشق", null, 10);
            assertThat(feed.changedChats()).containsExactly(2L);

            mayCommit.countDown();
            slow.get(30, TimeUnit.SECONDS);
            assertThat(feed.changedChats()).containsExactly(1L);
        }
    }

    @Test
    void changesToPersonalSourcesAreReportedForTheirOwners() {
        assumeTrue(dialect == Dialect.POSTGRESQL);
        chat(7);
        chat(8);
        try (SqlStorage other = new SqlStorage(target.open(), clock, 30)) {
            ChatChangeFeed feed = store.chatChanges();
            feed.start();
            other.transaction(() -> {
                other.sources().upsert(new SourceConfig("my-blog", "مدونة", "ar", URI.create("https://blog.example/feed"),
                        null, null, Duration.ofMinutes(30), true));
                other.personalSources().create("my-blog", "https://blog.example/feed", 7);
            });
            assertThat(feed.changedChats()).containsExactly(7L);
            other.personalSources().addOwner("my-blog", 8);
            assertThat(feed.changedChats()).containsExactly(8L);
            other.personalSources().promote("my-blog");
            assertThat(feed.changedChats()).as("promoted: whoever added it hears of it").containsExactly(7L);
        }
    }
}
