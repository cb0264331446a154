package dev.mojaz.store;

import dev.mojaz.domain.StoreException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's connections. SQLite lets one connection write at a time, whatever the number of connections, so all
 * writes go through <b>one write connection guarded by a fair lock</b>: writers queue in Java, in arrival order,
 * instead of spinning on SQLITE_BUSY; nothing can dead-lock on a read lock upgraded to a write lock; and a write sees
 * everything committed before it. Reads run on a <b>small pool of read-only connections</b>: in WAL mode they
 * proceed while the writer writes, each seeing the last committed state.
 */
final class SingleWriterConnections implements Connections {
    private static final Logger log = LoggerFactory.getLogger(SingleWriterConnections.class);

    private final Dialect dialect;
    private final String url;
    private final Properties credentials;
    private final int maxReaders;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<Connection> idleReaders;
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    SingleWriterConnections(Dialect dialect, String url, Properties credentials, int maxReaders) throws SQLException {
        if (maxReaders < 1) {
            throw new IllegalArgumentException("maxReaders must be at least 1");
        }
        this.dialect = dialect;
        this.url = url;
        this.credentials = credentials;
        this.maxReaders = maxReaders;
        this.idleReaders = new ArrayBlockingQueue<>(maxReaders);
        this.writer = connect(true);
    }

    @Override
    public Connection acquireWriter() {
        ensureOpen();
        writeLock.lock();
        if (closed) {
            writeLock.unlock();
            ensureOpen();
        }
        return writer;
    }

    @Override
    public void releaseWriter(Connection connection) {
        writeLock.unlock();
    }

    @Override
    public Connection acquireReader() throws SQLException {
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

    @Override
    public void releaseReader(Connection connection) {
        if (closed) {
            closeQuietly(connection);
        } else {
            idleReaders.add(connection);
        }
    }

    @Override
    public Connection openDedicated() throws SQLException {
        return connect(true);
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

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the database is closed");
        }
    }

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

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing a database connection failed: {}", e.getMessage());
        }
    }
}
