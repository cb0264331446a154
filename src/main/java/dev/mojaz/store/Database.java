package dev.mojaz.store;

import dev.mojaz.domain.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections and the transaction helper.
 *
 * <h2>Connection strategy</h2>
 * SQLite lets one connection write at a time, whatever the number of connections. So all writes go through
 * <b>one write connection guarded by a fair lock</b>: a write transaction takes the lock, runs, commits, releases.
 * Writers queue in Java, in arrival order, instead of spinning on SQLITE_BUSY; nothing can dead-lock on a read lock
 * upgraded to a write lock; and a write sees everything committed before it, so check-then-insert inside one write
 * transaction is race-free. Reads run on a <b>small pool of read-only connections</b> ({@value #DEFAULT_READERS} by
 * default): in WAL mode they proceed while the writer writes, each seeing the last committed state. A read made
 * inside a write transaction on the same thread uses the write connection, so it sees that transaction's own
 * changes. The busy timeout only matters when another process (the {@code db prune} command) holds the lock.
 *
 * <p>Write transactions nest: a write started while the same thread is already in one joins it, so repository
 * methods (each one transaction) can be combined into one with {@link Store#transaction}. If a joined step throws,
 * the whole transaction is rolled back even when the caller catches the exception.
 *
 * <p>On PostgreSQL the same strategy is correct (one writer serialises writes; readers are plain connections); a
 * deployment that needs concurrent writers would swap in a pool here without touching the repositories.
 */
public final class Database implements AutoCloseable {
    /** Read connections kept open at most. */
    public static final int DEFAULT_READERS = 4;

    private static final Logger log = LoggerFactory.getLogger(Database.class);

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
    private final String url;
    private final Properties credentials;
    private final int maxReaders;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<Connection> idleReaders;
    private final List<Connection> allReaders = new ArrayList<>();
    private final ThreadLocal<Transaction> currentWrite = new ThreadLocal<>();
    private final ThreadLocal<Sql> currentRead = new ThreadLocal<>();
    private volatile boolean closed;

    private Database(Dialect dialect, String url, Properties credentials, int maxReaders) throws SQLException {
        this.dialect = dialect;
        this.url = url;
        this.credentials = credentials;
        this.maxReaders = maxReaders;
        this.idleReaders = new ArrayBlockingQueue<>(maxReaders);
        this.writer = connect(true);
    }

    /**
     * Opens the SQLite database in {@code file} (creating it and its folder when missing) and brings its schema up
     * to date.
     */
    public static Database openSqlite(Path file) {
        return open(sqliteUrl(file), new Properties(), DEFAULT_READERS);
    }

    /** Creates the SQLite database in {@code file} when missing and brings its schema up to date; says what it did. */
    public static Migrations.Result migrateSqlite(Path file) {
        return Migrations.migrate(Dialect.SQLITE, dataSource(Dialect.SQLITE, sqliteUrl(file), new Properties()));
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
     * holds user, password and driver options) and brings its schema up to date.
     */
    public static Database open(String url, Properties credentials, int maxReaders) {
        Dialect dialect = Dialect.of(url);
        if (maxReaders < 1) {
            throw new IllegalArgumentException("maxReaders must be at least 1");
        }
        Migrations.migrate(dialect, dataSource(dialect, url, credentials));
        try {
            return new Database(dialect, url, credentials, maxReaders);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + url + ": " + e.getMessage(), e);
        }
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
        writeLock.lock();
        try {
            ensureOpen();
            return runTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T runTransaction(Work<T> work) {
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
            rollbackQuietly(e);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        } finally {
            currentWrite.remove();
        }
        try {
            dialect.commit(writer);
        } catch (SQLException e) {
            rollbackQuietly(e);
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
            Connection connection = borrowReader();
            Sql sql = new Sql(connection);
            currentRead.set(sql);
            try {
                return work.run(sql);
            } finally {
                currentRead.remove();
                returnReader(connection);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** True while the current thread is inside a write transaction. */
    boolean inTransaction() {
        return currentWrite.get() != null;
    }

    private Connection borrowReader() throws SQLException {
        ensureOpen();
        Connection connection = idleReaders.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (allReaders) {
            if (allReaders.size() < maxReaders) {
                Connection opened = connect(false);
                allReaders.add(opened);
                return opened;
            }
        }
        try {
            // Every reader is in use: wait for one to come back, noticing a close() meanwhile.
            while (true) {
                Connection returned = idleReaders.poll(1, TimeUnit.SECONDS);
                if (returned != null) {
                    return returned;
                }
                ensureOpen();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection");
        }
    }

    private void returnReader(Connection connection) {
        if (closed) {
            closeQuietly(connection);
        } else {
            idleReaders.add(connection);
        }
    }

    private Connection connect(boolean forWriting) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(dialect.connectionProperties(forWriting));
        properties.putAll(credentials);
        Connection connection = DriverManager.getConnection(url, properties);
        try {
            dialect.prepare(connection, forWriting);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private void rollbackQuietly(Throwable cause) {
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

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing a database connection failed: {}", e.getMessage());
        }
    }

    /** Waits for the running write transaction, then closes every connection. Reads in progress finish first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        writeLock.lock();
        try {
            closed = true;
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        Connection idle;
        while ((idle = idleReaders.poll()) != null) {
            closeQuietly(idle);
        }
    }

    @Override
    public String toString() {
        // Not the URL: a PostgreSQL URL may carry a password.
        return "Database[" + dialect + "]";
    }
}
