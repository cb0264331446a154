package dev.mojaz.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * PostgreSQL's connections: a HikariCP pool whose connections all may write at once, since PostgreSQL, unlike SQLite,
 * lets several transactions write side by side (row locks, {@code ON CONFLICT}, {@code FOR UPDATE SKIP LOCKED} keep
 * them correct). Readers are pool connections marked read-only for the time they are borrowed.
 */
final class PooledConnections implements Connections {
    /** Connections kept at most, by default: the sender's workers, the update handlers and the polls, with room. */
    static final int DEFAULT_POOL_SIZE = 10;
    /** How long a caller waits for a free connection before the operation fails (as a passing failure). */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(30);

    private final Dialect dialect;
    private final String url;
    private final Properties properties;
    private final HikariDataSource pool;

    PooledConnections(Dialect dialect, String url, Properties credentials, int poolSize) {
        if (poolSize < 2) {
            throw new IllegalArgumentException("a PostgreSQL pool needs at least 2 connections (was " + poolSize + ")");
        }
        this.dialect = dialect;
        this.url = url;
        this.properties = new Properties();
        properties.putAll(dialect.connectionProperties(true));
        properties.putAll(credentials);
        HikariConfig config = new HikariConfig();
        config.setPoolName("mojaz-store");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.setAutoCommit(true);
        // The server unreachable at start is a failure of the start, said at once, not a pool that retries quietly.
        config.setInitializationFailTimeout(1);
        this.pool = new HikariDataSource(config);
    }

    /** The pool, for Flyway. */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public Connection acquireWriter() throws SQLException {
        Connection connection = pool.getConnection();
        dialect.prepare(connection, true);
        return connection;
    }

    @Override
    public void releaseWriter(Connection connection) {
        SingleWriterConnections.closeQuietly(connection); // back to the pool, reset by it
    }

    @Override
    public Connection acquireReader() throws SQLException {
        Connection connection = pool.getConnection();
        dialect.prepare(connection, false);
        return connection;
    }

    @Override
    public void releaseReader(Connection connection) {
        SingleWriterConnections.closeQuietly(connection);
    }

    @Override
    public Connection openDedicated() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        dialect.prepare(connection, true);
        return connection;
    }

    @Override
    public void close() {
        pool.close();
    }
}
