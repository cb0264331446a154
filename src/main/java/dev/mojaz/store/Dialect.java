package dev.mojaz.store;

import dev.mojaz.domain.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Everything that differs between SQLite and PostgreSQL, in one place: connection settings, how a write transaction
 * starts, and the one DDL fragment the migrations cannot share. The repositories' SQL is the same for both: standard
 * {@code INSERT ... ON CONFLICT}, {@code RETURNING}, {@code LIMIT ?}, BIGINT ids and epoch-millisecond times.
 */
public enum Dialect {
    SQLITE {
        @Override
        Properties connectionProperties(boolean writer) {
            Properties p = new Properties();
            // WAL: readers never block the writer nor the writer them; each reader sees the last committed state.
            p.setProperty("journal_mode", "WAL");
            // Off by default in SQLite, and per connection: without it ON DELETE CASCADE and REFERENCES do nothing.
            p.setProperty("foreign_keys", "true");
            // Another process (the `db prune` command beside the running bot) may hold the write lock for a moment.
            p.setProperty("busy_timeout", Long.toString(BUSY_TIMEOUT.toMillis()));
            // With WAL, NORMAL loses at most the last transactions on power loss, never corrupts; FULL fsyncs each commit.
            p.setProperty("synchronous", "NORMAL");
            return p;
        }

        @Override
        void prepare(Connection connection, boolean writer) throws SQLException {
            if (!writer) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA query_only = true");
                }
            }
        }

        @Override
        void begin(Connection connection) throws SQLException {
            // IMMEDIATE takes the write lock at once. A DEFERRED transaction that reads and then writes can fail with
            // SQLITE_BUSY that no busy timeout resolves, when another connection committed in between.
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        }

        @Override
        void commit(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            }
        }

        @Override
        boolean isTransient(SQLException e) {
            // The driver reports SQLite's primary result code: BUSY 5, LOCKED 6, NOMEM 7, READONLY 8 (a file made
            // read-only under us), IOERR 10, FULL 13 (the disk), CANTOPEN 14, PROTOCOL 15.
            return switch (e.getErrorCode()) {
                case 5, 6, 7, 8, 10, 13, 14, 15 -> true;
                default -> false;
            };
        }

        @Override
        String lockForUpdate() {
            return ""; // the one write connection already keeps every other writer out
        }

        @Override
        String lockForUpdateSkipLocked(String alias) {
            return "";
        }

        @Override
        String useIndex(String index) {
            // SQLite's planner prefers an index that narrows the rows (outbox_due for "state IN ... AND due") and then
            // sorts them all, whatever the LIMIT; INDEXED BY names the one that hands them over in order.
            return " INDEXED BY " + index;
        }

        @Override
        void serialize(Sql sql, String what) {
            // Nothing to do: write transactions already run one at a time (Database's single writer).
        }

        @Override
        Map<String, String> migrationPlaceholders() {
            // INTEGER PRIMARY KEY is SQLite's 64-bit rowid; AUTOINCREMENT stops ids of deleted rows being reused.
            return Map.of("id_column", "INTEGER PRIMARY KEY AUTOINCREMENT");
        }
    },

    POSTGRESQL {
        @Override
        Properties connectionProperties(boolean writer) {
            return new Properties();
        }

        @Override
        void prepare(Connection connection, boolean writer) throws SQLException {
            connection.setReadOnly(!writer);
        }

        @Override
        void begin(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
        }

        @Override
        void commit(Connection connection) throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        @Override
        boolean isTransient(SQLException e) {
            // SQLSTATE classes: 08 connection, 53 insufficient resources (disk full, out of memory), 57P operator
            // intervention (server shutting down), 58 system I/O; and the concurrency failures 40001, 40P01, 55P03.
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")
                    || state.equals("40001") || state.equals("40P01") || state.equals("55P03");
        }

        @Override
        String lockForUpdate() {
            return " FOR UPDATE";
        }

        @Override
        String lockForUpdateSkipLocked(String alias) {
            return " FOR UPDATE OF " + alias + " SKIP LOCKED";
        }

        @Override
        String useIndex(String index) {
            return ""; // PostgreSQL's planner weighs the LIMIT and picks the ordered index by itself
        }

        @Override
        void serialize(Sql sql, String what) throws SQLException {
            // A transaction-scoped advisory lock, keyed by the schema too, so that two deployments sharing a database
            // in different schemas (and the tests, one schema each) do not wait for each other.
            sql.first("SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(?)) AS locked",
                    row -> Boolean.TRUE, what);
        }

        @Override
        Map<String, String> migrationPlaceholders() {
            return Map.of("id_column", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        }
    };

    /** How long SQLite waits for a lock held by another process before giving up. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    /** The dialect a JDBC URL speaks. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }

    /** Driver properties for a new connection; {@code writer} tells the write connection from a reader. */
    abstract Properties connectionProperties(boolean writer);

    /** Settings applied to a freshly opened connection. */
    abstract void prepare(Connection connection, boolean writer) throws SQLException;

    abstract void begin(Connection connection) throws SQLException;

    abstract void commit(Connection connection) throws SQLException;

    /** Rolls back the transaction {@link #begin} opened. */
    abstract void rollback(Connection connection) throws SQLException;

    /**
     * Whether a failure will likely pass (busy, disk full, connection lost) rather than repeat with the same input
     * (a constraint, a bug); see {@link StoreException#isTransient()}.
     */
    abstract boolean isTransient(SQLException e);

    /**
     * What to append to a {@code SELECT} inside a write transaction so that the rows read stay as read until it ends
     * (another instance's transaction waits): check-then-write on PostgreSQL, where writers run side by side.
     */
    abstract String lockForUpdate();

    /**
     * What to append to a claiming {@code SELECT} (of table alias {@code alias}): PostgreSQL locks the rows it returns
     * and skips those another transaction has locked, so claimers running at once take different rows and never wait
     * for each other; SQLite's writers take turns anyway.
     */
    abstract String lockForUpdateSkipLocked(String alias);

    /** What follows a table name (and alias) in FROM to have the query read it through {@code index}. */
    abstract String useIndex(String index);

    /**
     * Makes write transactions that call this with the same {@code what} run one after another from here to their
     * end, whichever instance runs them. For work whose order matters (ids that must commit in the order they are
     * given out) or that checks before it writes where no row exists yet to lock. Call it first in the transaction.
     */
    abstract void serialize(Sql sql, String what) throws SQLException;

    /** Where Flyway finds this database's migration scripts. */
    java.util.List<String> migrationLocations() {
        return this == POSTGRESQL ? java.util.List.of(Migrations.LOCATION, Migrations.POSTGRESQL_LOCATION)
                : java.util.List.of(Migrations.LOCATION);
    }

    /** Values for the {@code ${...}} placeholders in the migration scripts. */
    abstract Map<String, String> migrationPlaceholders();
}
