package dev.mojaz.store;

import dev.mojaz.domain.InstanceRepository;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link InstanceRepository} in the tables {@code instances} and {@code leases}. A lease is taken in one statement
 * ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} the lease is free, expired or already ours), so two instances
 * asking at once never both get it.
 */
public final class InstanceStore implements InstanceRepository {
    private final Database db;
    private final Clock clock;
    private final String id;
    private final String host;
    private final long pid;
    private final Instant started;

    public InstanceStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        this.id = host + ":" + pid + ":" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /** This instance's id: unique among the instances that ever used the database. */
    @Override
    public String id() {
        return id;
    }

    /** Says this instance is alive and what it does; the first call registers it. */
    @Override
    public void heartbeat(String roles) {
        Objects.requireNonNull(roles, "roles");
        db.write(sql -> sql.update("INSERT INTO instances (id, host, pid, started_at, heartbeat_at, roles) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, "
                + "roles = excluded.roles", id, host, pid, started, clock.instant(), roles));
    }

    /** This instance stops: its row goes, and its leases with it. */
    @Override
    public void leave() {
        db.write(sql -> {
            sql.update("DELETE FROM leases WHERE holder = ?", id);
            return sql.update("DELETE FROM instances WHERE id = ?", id);
        });
    }

    /** The instances whose heartbeat is recent ({@link #ALIVE_WITHIN}), this one included once it has beaten. */
    @Override
    public List<InstanceInfo> alive() {
        Instant since = clock.instant().minus(ALIVE_WITHIN);
        return db.read(sql -> sql.list("SELECT id, host, pid, started_at, heartbeat_at, roles FROM instances "
                + "WHERE heartbeat_at >= ? ORDER BY started_at, id", InstanceStore::instance, since));
    }

    /** Forgets instances silent for longer than {@code after} (dead ones, for the status page); returns how many. */
    @Override
    public int forgetSilent(Duration after) {
        Instant before = clock.instant().minus(after);
        return db.write(sql -> sql.update("DELETE FROM instances WHERE heartbeat_at < ? AND id <> ?", before, id));
    }

    /**
     * Takes the lease {@code name} for {@code length} if it is free, expired or already this instance's (then it is
     * renewed). True when this instance holds it now.
     */
    @Override
    public boolean tryLease(String name, Duration length) {
        Objects.requireNonNull(name, "name");
        Instant now = clock.instant();
        Instant until = now.plus(length);
        return db.write(sql -> sql.update("INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
                + "WHERE leases.holder = excluded.holder OR leases.expires_at < ?", name, id, until, now) > 0);
    }

    /** Extends a lease this instance holds; false when it no longer does (it expired and another took it). */
    @Override
    public boolean renewLease(String name, Duration length) {
        Instant until = clock.instant().plus(length);
        return db.write(sql -> sql.update("UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?",
                until, name, id) > 0);
    }

    /** Gives the lease up at once (the work is done), if this instance still holds it. */
    @Override
    public void releaseLease(String name) {
        db.write(sql -> sql.update("DELETE FROM leases WHERE name = ? AND holder = ?", name, id));
    }

    /** Who holds the lease {@code name} now (an expired lease is held by nobody). */
    @Override
    public Optional<Lease> lease(String name) {
        Instant now = clock.instant();
        return db.read(sql -> sql.first("SELECT name, holder, expires_at FROM leases WHERE name = ? AND expires_at >= ?",
                InstanceStore::lease, name, now));
    }

    /** Every lease held now, by name. */
    @Override
    public List<Lease> leases() {
        Instant now = clock.instant();
        return db.read(sql -> sql.list("SELECT name, holder, expires_at FROM leases WHERE expires_at >= ? ORDER BY name",
                InstanceStore::lease, now));
    }

    private static InstanceInfo instance(Row row) throws java.sql.SQLException {
        return new InstanceInfo(row.string("id"), row.string("host"), row.longValue("pid"), row.instant("started_at"),
                row.instant("heartbeat_at"), row.string("roles"));
    }

    private static Lease lease(Row row) throws java.sql.SQLException {
        return new Lease(row.string("name"), row.string("holder"), row.instant("expires_at"));
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME"); // a container's name, which is what an operator sees
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
