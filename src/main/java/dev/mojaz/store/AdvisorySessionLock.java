package dev.mojaz.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import dev.mojaz.domain.SessionLock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SessionLock} on PostgreSQL: a session-level advisory lock on a
 * connection of its own (outside the pool), so it is released the moment that session ends, when the process
 * exits, is killed, or loses the server. Used to elect the one instance that calls getUpdates (Telegram answers a
 * second caller 409 Conflict).
 *
 * <p>A killed process's socket is closed by its kernel and the server ends the session at once; a machine that
 * vanishes (power, network) sends nothing, so the session sets TCP keepalives that make the server notice within
 * about {@value #KEEPALIVE_SECONDS} × 4 seconds. The holder checks {@link #stillHeld()} regularly: a lost connection
 * means the lock is gone (another instance may hold it already), and the holder must stop the work at once.
 *
 * <p>On SQLite there is one bot per file ({@link SqliteFileLock}), so the lock is always this process's.
 */
final class AdvisorySessionLock implements SessionLock {
    /** Idle seconds before the server probes a silent holder, and between probes (three probes). */
    static final int KEEPALIVE_SECONDS = 5;
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(SessionLock.class);

    private final Database db;
    private final String name;
    private Connection session;
    private boolean held;

    /** The lock {@code name} (one per purpose, per schema) of {@code db}. Nothing is taken yet. */
    AdvisorySessionLock(Database db, String name) {
        this.db = Objects.requireNonNull(db, "db");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Takes the lock if no other instance holds it; true when this one holds it (now or already). */
    @Override
    public synchronized boolean tryAcquire() {
        if (held) {
            return true;
        }
        if (db.dialect() == Dialect.SQLITE) {
            held = true;
            return true;
        }
        try {
            if (session == null) {
                session = db.openDedicatedConnection();
                try (Statement s = session.createStatement()) {
                    s.execute("SET tcp_keepalives_idle = " + KEEPALIVE_SECONDS);
                    s.execute("SET tcp_keepalives_interval = " + KEEPALIVE_SECONDS);
                    s.execute("SET tcp_keepalives_count = 3");
                }
            }
            held = new Sql(session).first("SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext(?)) AS taken",
                    row -> row.bool("taken"), name).orElse(false);
            return held;
        } catch (SQLException | RuntimeException e) {
            log.warn("could not ask for the {} lock: {}", name, e.toString());
            closeSession();
            return false;
        }
    }

    /**
     * Whether this instance still holds the lock: its session answers. False after a lost connection (the server
     * has released the lock with the session, and another instance may hold it now).
     */
    @Override
    public synchronized boolean stillHeld() {
        if (!held) {
            return false;
        }
        if (db.dialect() == Dialect.SQLITE) {
            return true;
        }
        try {
            if (session != null && session.isValid(CHECK_TIMEOUT_SECONDS)) {
                return true;
            }
        } catch (SQLException e) {
            // invalid: the same as not answering
        }
        log.warn("the session holding the {} lock is gone; the lock is free for another instance", name);
        held = false;
        closeSession();
        return false;
    }

    /** Gives the lock up (ending its session); another instance may take it at once. */
    @Override
    public synchronized void close() {
        if (held && session != null) {
            // Said to the server before the connection goes: closing alone ends the session a moment later, and a
            // standby asking in that moment would find the lock still taken.
            try {
                new Sql(session).first("SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext(?)) AS freed",
                        row -> row.bool("freed"), name);
            } catch (SQLException | RuntimeException e) {
                // The session is going anyway, and the lock with it.
            }
        }
        held = false;
        closeSession();
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close(); // ends the session, and every advisory lock it held with it
            } catch (SQLException e) {
                // already gone
            }
            session = null;
        }
    }
}
