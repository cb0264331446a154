package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.config.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One SQLite file serves one bot: a second bot is refused before it touches the schema, while commands that may run
 * beside the bot (status, db prune) still open it. Here both openers are in one JVM; RunProcessTest has two processes.
 */
@Tag("fast")
class SqliteFileLockTest {
    @TempDir
    Path dir;

    private final StoreConfig config = new StoreConfig("data/bot.db", 30);

    @Test
    void aSecondBotOnTheSameFileIsRefusedWithOneLineSayingWhoHoldsIt() {
        try (SqlStorage first = SqlStorage.openForBot(config, dir, Clock.systemUTC())) {
            first.botState().put("k", "v");
            assertThatThrownBy(() -> SqlStorage.openForBot(config, dir, Clock.systemUTC()))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageStartingWith(dir.resolve("data/bot.db") + " is in use by another Mojaz process (")
                    .hasMessageContaining("store.url")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(first.botState().get("k")).as("the first bot is untouched").contains("v");
        }
    }

    @Test
    void theLockFileBesideTheDatabaseNamesTheProcessAndTheFileIsFreeAgainAfterClose() throws Exception {
        try (SqlStorage first = SqlStorage.openForBot(config, dir, Clock.systemUTC())) {
            first.botState().put("k", "v");
            assertThat(Files.readString(dir.resolve("data/bot.db.lock")))
                    .startsWith("pid " + ProcessHandle.current().pid() + " on ");
        }
        try (SqlStorage second = SqlStorage.openForBot(config, dir, Clock.systemUTC())) {
            assertThat(second.botState().get("k")).contains("v");
        }
    }

    @Test
    void commandsBesideTheBotStillOpenTheFile() {
        try (SqlStorage bot = SqlStorage.openForBot(config, dir, Clock.systemUTC());
             SqlStorage status = SqlStorage.open(config, dir, Clock.systemUTC())) {
            bot.botState().put("k", "v");
            assertThat(status.botState().get("k")).contains("v");
            assertThat(SqlStorage.migrate(config, dir).applied()).isZero();
        }
    }

    @Test
    void aCommandClosingBesideTheBotDoesNotReleaseTheBotsLock() {
        try (SqlStorage bot = SqlStorage.openForBot(config, dir, Clock.systemUTC())) {
            SqlStorage.open(config, dir, Clock.systemUTC()).close();
            bot.botState().put("still", "mine");
            assertThatThrownBy(() -> SqlStorage.openForBot(config, dir, Clock.systemUTC()))
                    .isInstanceOf(StoreInUseException.class);
        }
    }
}
