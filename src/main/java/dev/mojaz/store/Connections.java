package dev.mojaz.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where {@link Database} gets its connections: for SQLite one write connection taken in turn and a few readers
 * ({@link SingleWriterConnections}); for PostgreSQL a pool whose connections all may write at once
 * ({@link PooledConnections}). A connection acquired is the caller's alone until released.
 */
interface Connections {
    /** A connection for one write transaction (SQLite: waits for the writer's turn). */
    Connection acquireWriter() throws SQLException;

    void releaseWriter(Connection connection);

    /** A connection for reads only. */
    Connection acquireReader() throws SQLException;

    void releaseReader(Connection connection);

    /** A new connection outside the pool, owned and closed by the caller (a session-level lock lives on one). */
    Connection openDedicated() throws SQLException;

    /** Waits for the write transaction in progress, then closes every connection; later acquires fail. */
    void close();
}
