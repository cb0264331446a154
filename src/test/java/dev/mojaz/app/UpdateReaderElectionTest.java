package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mojaz.config.StoreConfig;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.Await;
import dev.mojaz.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who reads the updates: one instance on SQLite at once; on PostgreSQL the holder of a session lock, with the others
 * on standby taking over when it stops, dies, or loses its session. The election is stepped by hand here (its
 * thread does the same every 5 s).
 */
@Tag("fast")
class UpdateReaderElectionTest {
    @TempDir
    Path dir;

    /** Counts starts and stops, as the long-polling intake would begin and end. */
    private static final class CountingReader implements UpdateReaderElection.Reader {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger stopped = new AtomicInteger();

        @Override
        public void start() {
            started.incrementAndGet();
        }

        @Override
        public void stop() {
            stopped.incrementAndGet();
        }
    }

    private static UpdateReaderElection election(SqlStorage store, CountingReader reader, InstanceRoles roles) {
        return new UpdateReaderElection(store.sessionLock("update-reader"), reader, roles);
    }

    @Test
    void aloneOnSqliteTheInstanceReadsAtOnce() {
        CountingReader reader = new CountingReader();
        InstanceRoles roles = new InstanceRoles(Set::of);
        try (SqlStorage store = SqlStorage.openForBot(new StoreConfig("bot.db", 30), dir, Clock.systemUTC());
             UpdateReaderElection election = election(store, reader, roles)) {
            election.start();
            assertThat(election.reading()).isTrue();
            assertThat(reader.started).hasValue(1);
            assertThat(roles.describe()).startsWith("update reader (long polling)");
        }
        assertThat(reader.stopped).hasValue(1);
    }

    @Test
    void onPostgresqlOneReadsAndAStandbyTakesOverWhenItStopsOrLosesItsSession() throws Exception {
        TestPostgres server = TestPostgres.get().orElse(null);
        assumeTrue(server != null, TestPostgres::unavailableReason);
        StoreConfig config = new StoreConfig("unused.db", server.createDatabase(), null, 30);
        CountingReader readerA = new CountingReader();
        CountingReader readerB = new CountingReader();
        CountingReader readerC = new CountingReader();
        InstanceRoles rolesB = new InstanceRoles(Set::of);
        try (SqlStorage a = SqlStorage.openForBot(config, dir, Clock.systemUTC());
             SqlStorage b = SqlStorage.openForBot(config, dir, Clock.systemUTC());
             SqlStorage c = SqlStorage.openForBot(config, dir, Clock.systemUTC());
             UpdateReaderElection electionB = election(b, readerB, rolesB);
             UpdateReaderElection electionC = election(c, readerC, new InstanceRoles(Set::of))) {
            UpdateReaderElection electionA = election(a, readerA, new InstanceRoles(Set::of));
            electionA.step();
            electionB.step();
            assertThat(electionA.reading()).isTrue();
            assertThat(electionB.reading()).isFalse();
            assertThat(readerB.started).hasValue(0);

            electionA.close(); // a clean stop gives the turn back at once
            assertThat(readerA.stopped).hasValue(1);
            electionB.step();
            assertThat(electionB.reading()).isTrue();
            assertThat(rolesB.updates()).isEqualTo(InstanceRoles.Updates.READER);

            // b's session is cut (its connection to the server is lost): b stops reading at its next check and c,
            // asking meanwhile, takes over
            terminateSessionsHoldingAdvisoryLocks(config.url());
            electionC.step();
            assertThat(electionC.reading()).isTrue();
            electionB.step();
            assertThat(electionB.reading()).isFalse();
            assertThat(readerB.stopped).hasValue(1);
            assertThat(rolesB.updates()).isEqualTo(InstanceRoles.Updates.STANDBY);
            assertThat(readerC.started).hasValue(1);
        }
    }

    /** Ends the sessions holding advisory locks, and waits until they are gone (termination is asynchronous). */
    private static void terminateSessionsHoldingAdvisoryLocks(String url) throws Exception {
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            String ours = "locktype = 'advisory' AND database = (SELECT oid FROM pg_database "
                    + "WHERE datname = current_database())";
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE " + ours + " AND granted "
                    + "AND pid <> pg_backend_pid()");
            Await.until("the terminated sessions to release their locks", () -> {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE " + ours)) {
                    return rs.next() && rs.getLong(1) == 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
