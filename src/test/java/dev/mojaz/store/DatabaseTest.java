package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mojaz.domain.Chat;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.StoreException;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class DatabaseTest extends StoreTestBase {

    @Test
    void sqliteFileIsCreatedWithItsFolderInWalModeWithForeignKeysAndABusyTimeout() {
        assumeTrue(target.dialect == Dialect.SQLITE);
        assertThat(Files.isRegularFile(dir.resolve("data").resolve("mojaz.db"))).isTrue();
        Database db = store.database();
        java.util.Optional<String> journal = db.read(sql -> sql.first("PRAGMA journal_mode", row -> row.string("journal_mode")));
        long writerKeys = db.write(sql -> sql.number("PRAGMA foreign_keys"));
        long readerKeys = db.read(sql -> sql.number("PRAGMA foreign_keys"));
        long busyTimeout = db.write(sql -> sql.number("PRAGMA busy_timeout"));
        assertThat(journal).contains("wal");
        assertThat(writerKeys).isEqualTo(1);
        assertThat(readerKeys).isEqualTo(1);
        assertThat(busyTimeout).isEqualTo(Dialect.BUSY_TIMEOUT.toMillis());
    }

    @Test
    void readConnectionsCannotWrite() {
        assumeTrue(target.dialect == Dialect.SQLITE);
        assertThatThrownBy(() -> store.database().read(sql -> sql.update(
                "INSERT INTO bot_state (name, value, updated_at) VALUES ('x', 'y', 0)")))
                .isInstanceOf(StoreException.class);
        assertThat(store.botState().get("x")).isEmpty();
    }

    @Test
    void aFailureInTheMiddleOfATransactionLeavesNothingHalfWritten() {
        Chat chat = chat(1);
        assertThatThrownBy(() -> store.transaction(() -> {
            store.subscriptions().add(chat.id(), "سوريا", null, 10);
            store.botState().putLong("telegram.last-update-id", 41);
            store.chats().setPaused(chat.id(), true);
            throw new IllegalStateException("the handler failed half-way");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the handler failed half-way");

        assertThat(store.subscriptions().list(chat.id())).isEmpty();
        assertThat(store.botState().get("telegram.last-update-id")).isEmpty();
        assertThat(store.chats().find(chat.id()).orElseThrow().paused()).isFalse();
    }

    @Test
    void aDatabaseErrorInALaterStepRollsBackTheEarlierSteps() {
        Chat chat = chat(1);
        long unknownStory = 999;
        assertThatThrownBy(() -> store.transaction(() -> {
            store.subscriptions().add(chat.id(), "دمشق", null, 10);
            // the story does not exist: the delivery's foreign key fails, after the subscription was written
            store.deliveries().deliverStory(chat.id(), unknownStory, 1, List.of(NewMessage.plain("خبر")));
        })).isInstanceOf(StoreException.class);

        assertThat(store.subscriptions().list(chat.id())).isEmpty();
        assertThat(store.deliveries().ofChat(chat.id())).isEmpty();
    }

    @Test
    void aCaughtFailureOfAJoinedStepStillRollsBackTheWholeTransaction() {
        Chat chat = chat(1);
        assertThatThrownBy(() -> store.transaction(() -> {
            store.subscriptions().add(chat.id(), "حلب", null, 10);
            try {
                store.deliveries().deliverStory(chat.id(), 999, 1, List.of(NewMessage.plain("خبر")));
            } catch (StoreException ignored) {
                // the caller carries on as if nothing happened: the commit must still refuse
            }
        })).isInstanceOf(StoreException.class).hasMessageContaining("rolled back");
        assertThat(store.subscriptions().list(chat.id())).isEmpty();
    }

    @Test
    void concurrentWritersLoseNoUpdateOnSqliteWhereWritesTakeTurns() throws Exception {
        assumeTrue(dialect == Dialect.SQLITE, "PostgreSQL's writers run side by side (see the next test)");
        int threads = 8;
        int incrementsEach = 50;
        concurrently(threads, () -> {
            for (int i = 0; i < incrementsEach; i++) {
                // read-modify-write: only correct if transactions are serialised
                store.transaction(() -> {
                    long current = store.botState().getLong("counter").orElse(0);
                    store.botState().putLong("counter", current + 1);
                });
            }
            return null;
        });
        assertThat(store.botState().getLong("counter")).isEqualTo(OptionalLong.of(threads * incrementsEach));
    }

    @Test
    void writersThatSerializeOnANameTakeTurnsOnEitherDatabaseEvenFromTwoInstances() throws Exception {
        // Two Database objects on one database: two instances. (On SQLite, two openers in one process.)
        try (Database other = target.open()) {
            Database[] instances = {store.database(), other};
            int threads = 8;
            int incrementsEach = 25;
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            concurrently(threads, () -> {
                Database db = instances[next.getAndIncrement() % 2];
                for (int i = 0; i < incrementsEach; i++) {
                    db.write(sql -> {
                        db.dialect().serialize(sql, "counter");
                        long current = sql.first("SELECT value FROM bot_state WHERE name = 'counter'",
                                row -> Long.parseLong(row.string("value"))).orElse(0L);
                        return sql.update("INSERT INTO bot_state (name, value, updated_at) VALUES ('counter', ?, 0) "
                                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value", Long.toString(current + 1));
                    });
                }
                return null;
            });
        }
        assertThat(store.botState().getLong("counter")).isEqualTo(OptionalLong.of(8 * 25));
    }

    @Test
    void readersSeeOnlyCommittedDataAndAreNotBlockedByAnOpenWriteTransaction() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> store.transaction(() -> {
            store.botState().put("k", "uncommitted");
            written.countDown();
            await(mayCommit);
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        // the write transaction is open and holds the write lock; a read on another thread goes ahead
        assertThat(store.botState().get("k")).isEmpty();
        mayCommit.countDown();
        writer.get(30, TimeUnit.SECONDS);
        assertThat(store.botState().get("k")).contains("uncommitted");
    }

    @Test
    void aReadInsideAWriteTransactionSeesItsOwnChanges() {
        String seen = store.transaction(() -> {
            store.botState().put("k", "v");
            return store.botState().get("k").orElse("nothing");
        });
        assertThat(seen).isEqualTo("v");
    }

    @Test
    void aClosedDatabaseRefusesWork() {
        store.close();
        assertThatThrownBy(() -> store.botState().put("k", "v")).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.botState().get("k")).isInstanceOf(StoreException.class);
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsData() {
        store.botState().put("k", "v");
        store.close();
        store = new SqlStorage(target.open(), clock, 30);
        assertThat(store.botState().get("k")).contains("v");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
