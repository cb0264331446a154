package dev.mojaz.store;

import dev.mojaz.domain.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The connections and the transaction helper.
 *
 * <h2>Connection strategy</h2>
 * SQLite lets one connection write at a time, whatever the number of connections. So all writes go through
 * <b>one write connection guarded by a fair lock</b> ({@link SingleWriterConnections}): a write transaction takes the
 * lock, runs, commits, releases. Writers queue in Java, in arrival order, instead of spinning on SQLITE_BUSY; nothing
 * can dead-lock on a read lock upgraded to a write lock; and a write sees everything committed before it, so
 * check-then-insert inside one write transaction is race-free. Reads run on a <b>small pool of read-only
 * connections</b> ({@value #DEFAULT_READERS} by default): in WAL mode they proceed while the writer writes, each seeing
 * the last committed state. A read made inside a write transaction on the same thread uses the write connection, so
 * it sees that transaction's own changes. The busy timeout only matters when another process (the {@code db prune}
 * command) holds the lock. A second bot on the same file is refused ({@link SqliteFileLock}).
 *
 * <p>PostgreSQL serves several instances of the bot at once, so one process's single writer would order nothing:
 * there, write transactions run side by side on a <b>connection pool</b> ({@link PooledConnections}), and the
 * repositories never rely on check-then-insert; they use unique constraints with {@code ON CONFLICT}, conditional
 * updates, {@code FOR UPDATE SKIP LOCKED} claims and, where order matters, a transaction-scoped lock
 * ({@link Dialect#serialize}).
 *
 * <p>Write transactions nest: a write started while the same thread is already in one joins it, so repository
 * methods (each one transaction) can be combined into one with {@link SqlStorage#transaction}. If a joined step throws,
 * the whole transaction is rolled back even when the caller catches the exception.
 */
public final class Database implements AutoCloseable {
    /** Read connections kept open at most (SQLite). */
    public static final int DEFAULT_READERS = 4;
    /** Connections in the pool (PostgreSQL), readers and writers together. */
    public static final int DEFAULT_POOL_SIZE = PooledConnections.DEFAULT_POOL_SIZE;

    @FunctionalInterface
    interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    /** One open write transaction. */
    private static final class Transaction {
        final Sql sql;
        boolean rollbackOnly;

        Transaction(Sql sql) {
            this.sql = sql;
        }
    }

    private final Dialect dialect;
    private final Connections connections;
    /** The SQLite file's lock (released at close), or null. */
    private final SqliteFileLock fileLock;
    /** Whether this database holds the file's owner lock (a bot's). */
    private final boolean ownsFile;
    private final ThreadLocal<Transaction> currentWrite = new ThreadLocal<>();
    private final ThreadLocal<Sql> currentRead = new ThreadLocal<>();
    private volatile boolean closed;

    private Database(Dialect dialect, Connections connections, SqliteFileLock fileLock, boolean ownsFile) {
        this.dialect = dialect;
        this.connections = connections;
        this.fileLock = fileLock;
        this.ownsFile = ownsFile;
    }

    /**
     * Opens the SQLite database in {@code file} (creating it and its folder when missing) and brings its schema up
     * to date. Other processes may have it open too (a command beside the bot); see {@link #openSqliteExclusively}.
     */
    public static Database openSqlite(Path file) {
        return openSqlite(file, new Properties(), DEFAULT_READERS, false);
    }

    /**
     * Opens the SQLite database in {@code file} for a bot, which must be its only one: refuses with {@link
     * StoreInUseException} when another bot process (or another bot in this one) has it open, before touching the
     * schema.
     */
    public static Database openSqliteExclusively(Path file) {
        return openSqlite(file, new Properties(), DEFAULT_READERS, true);
    }

    /** {@link #openSqlite(Path)} with driver properties of its own (tests: a small page limit, a short timeout). */
    public static Database openSqlite(Path file, Properties properties, int maxReaders, boolean exclusive) {
        String url = sqliteUrl(file);
        SqliteFileLock lock = SqliteFileLock.open(file);
        try {
            if (exclusive) {
                lock.takeOwnership(file);
            }
            lock.whileMigrating(() -> Migrations.migrate(Dialect.SQLITE, dataSource(Dialect.SQLITE, url, properties)));
            return new Database(Dialect.SQLITE, new SingleWriterConnections(Dialect.SQLITE, url, properties, maxReaders),
                    lock, exclusive);
        } catch (SQLException e) {
            if (exclusive) {
                lock.giveUpOwnership();
            }
            lock.close();
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        } catch (StoreInUseException e) {
            lock.close();
            throw e;
        } catch (RuntimeException e) {
            if (exclusive) {
                lock.giveUpOwnership();
            }
            lock.close();
            throw e;
        }
    }

    /** Creates the SQLite database in {@code file} when missing and brings its schema up to date; says what it did. */
    public static Migrations.Result migrateSqlite(Path file) {
        String url = sqliteUrl(file);
        try (SqliteFileLock lock = SqliteFileLock.open(file)) {
            return lock.whileMigrating(() -> Migrations.migrate(Dialect.SQLITE,
                    dataSource(Dialect.SQLITE, url, new Properties())));
        }
    }

    private static String sqliteUrl(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the database " + absolute + ": " + e.getMessage(), e);
        }
        return "jdbc:sqlite:" + absolute;
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}; {@code credentials}
     * holds user, password and driver options) and brings its schema up to date. {@code connections} is the number
     * of read connections for SQLite (which has one writer besides), the pool size for PostgreSQL.
     */
    public static Database open(String url, Properties credentials, int connections) {
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.SQLITE) {
            return openSqlite(Path.of(url.substring("jdbc:sqlite:".length())), credentials, connections, false);
        }
        PooledConnections pool;
        try {
            pool = new PooledConnections(dialect, url, credentials, connections);
        } catch (RuntimeException e) {
            // Not the URL: it names the server, and the reason the driver gives is what helps.
            throw new StoreException("cannot connect to PostgreSQL: " + rootMessage(e), e, true);
        }
        try {
            // Flyway takes a PostgreSQL advisory lock while it migrates: instances started together take turns.
            Migrations.migrate(dialect, pool.dataSource());
            return new Database(dialect, pool, null, false);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** A DataSource with the dialect's connection settings, for Flyway and for tests that migrate step by step. */
    static DataSource dataSource(Dialect dialect, String url, Properties credentials) {
        Properties properties = new Properties();
        properties.putAll(dialect.connectionProperties(true));
        properties.putAll(credentials);
        return new DriverDataSource(url, properties);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new connection of its own, outside the pool (PostgreSQL's session-level advisory locks live on one). */
    Connection openDedicatedConnection() throws SQLException {
        ensureOpen();
        return connections.openDedicated();
    }

    /**
     * Runs {@code work} in one write transaction: committed when it returns, rolled back when it throws. Joins the
     * transaction the current thread already has open.
     */
    <T> T write(Work<T> work) {
        Transaction outer = currentWrite.get();
        if (outer != null) {
            try {
                return work.run(outer.sql);
            } catch (SQLException e) {
                outer.rollbackOnly = true;
                throw translate(e);
            } catch (RuntimeException | Error e) {
                outer.rollbackOnly = true;
                throw e;
            }
        }
        ensureOpen();
        Connection writer;
        try {
            writer = connections.acquireWriter();
        } catch (SQLException e) {
            throw translate(e);
        }
        try {
            return runTransaction(writer, work);
        } finally {
            connections.releaseWriter(writer);
        }
    }

    private <T> T runTransaction(Connection writer, Work<T> work) {
        try {
            dialect.begin(writer);
        } catch (SQLException e) {
            throw translate(e);
        }
        Transaction tx = new Transaction(new Sql(writer));
        currentWrite.set(tx);
        T result;
        try {
            result = work.run(tx.sql);
            if (tx.rollbackOnly) {
                throw new StoreException("a step of this transaction failed, so all of it was rolled back");
            }
        } catch (SQLException e) {
            rollbackQuietly(writer, e);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(writer, e);
            throw e;
        } finally {
            currentWrite.remove();
        }
        try {
            dialect.commit(writer);
        } catch (SQLException e) {
            rollbackQuietly(writer, e);
            throw translate(e);
        }
        return result;
    }

    /** Runs {@code work} on a read connection (or on the current thread's write transaction, to see its changes). */
    <T> T read(Work<T> work) {
        Transaction tx = currentWrite.get();
        Sql joined = tx != null ? tx.sql : currentRead.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            ensureOpen();
            Connection connection = connections.acquireReader();
            Sql sql = new Sql(connection);
            currentRead.set(sql);
            try {
                return work.run(sql);
            } finally {
                currentRead.remove();
                connections.releaseReader(connection);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** True while the current thread is inside a write transaction. */
    boolean inTransaction() {
        return currentWrite.get() != null;
    }

    private void rollbackQuietly(Connection writer, Throwable cause) {
        try {
            dialect.rollback(writer);
        } catch (SQLException e) {
            // SQLite may already have rolled back by itself (disk full, I/O error); the cause is what matters.
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the database is closed");
        }
    }

    private StoreException translate(SQLException e) {
        return new StoreException("database error: " + e.getMessage(), e, dialect.isTransient(e));
    }

    /** Waits for the running write transaction (SQLite), then closes every connection. Reads in progress finish first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connections.close();
        } finally {
            if (fileLock != null) {
                if (ownsFile) {
                    fileLock.giveUpOwnership();
                }
                fileLock.close();
            }
        }
    }

    @Override
    public String toString() {
        // Not the URL: a PostgreSQL URL may carry a password.
        return "Database[" + dialect + "]";
    }
}
