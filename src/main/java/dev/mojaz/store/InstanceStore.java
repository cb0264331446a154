package dev.mojaz.store;

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
 * The running instances of the bot and the leases they hold, for several instances on one database.
 *
 * <p>Each process that opens the store is one instance, with an id of its own ({@link #id()}: host, pid and a random
 * part, so a restarted process is a new instance). A running bot writes its {@link #heartbeat} every few seconds with
 * the roles it holds; an instance whose heartbeat is older than {@link #ALIVE_WITHIN} is dead, and what it had
 * claimed is taken over ({@link DeliveryStore#requeueAbandoned}).
 *
 * <p>A <b>lease</b> gives one instance at a time a piece of work, e.g. polling one source: {@link #tryLease} takes it
 * when it is free, expired, or already this instance's (then it is renewed); the holder renews it while the work goes
 * on and {@link #releaseLease releases} it when done. The take is one statement ({@code INSERT ... ON CONFLICT DO
 * UPDATE ... WHERE}), so two instances asking at once never both get it. Expiry times come from each instance's
 * clock: the instances' clocks must agree to well within a lease's length (NTP does that).
 */
public final class InstanceStore {
    /** An instance whose heartbeat is older than this is taken for dead. */
    public static final Duration ALIVE_WITHIN = Duration.ofSeconds(30);

    /** One instance as it last described itself. */
    public record InstanceInfo(String id, String host, long pid, Instant started, Instant heartbeat, String roles) {
    }

    /** A lease: {@code holder} may do the work {@code name} until {@code expires}. */
    public record Lease(String name, String holder, Instant expires) {
    }

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
    public String id() {
        return id;
    }

    /** Says this instance is alive and what it does; the first call registers it. */
    public void heartbeat(String roles) {
        Objects.requireNonNull(roles, "roles");
        db.write(sql -> sql.update("INSERT INTO instances (id, host, pid, started_at, heartbeat_at, roles) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, "
                + "roles = excluded.roles", id, host, pid, started, clock.instant(), roles));
    }

    /** This instance stops: its row goes, and its leases with it. */
    public void leave() {
        db.write(sql -> {
            sql.update("DELETE FROM leases WHERE holder = ?", id);
            return sql.update("DELETE FROM instances WHERE id = ?", id);
        });
    }

    /** The instances whose heartbeat is recent ({@link #ALIVE_WITHIN}), this one included once it has beaten. */
    public List<InstanceInfo> alive() {
        Instant since = clock.instant().minus(ALIVE_WITHIN);
        return db.read(sql -> sql.list("SELECT id, host, pid, started_at, heartbeat_at, roles FROM instances "
                + "WHERE heartbeat_at >= ? ORDER BY started_at, id", InstanceStore::instance, since));
    }

    /** Forgets instances silent for longer than {@code after} (dead ones, for the status page); returns how many. */
    public int forgetSilent(Duration after) {
        Instant before = clock.instant().minus(after);
        return db.write(sql -> sql.update("DELETE FROM instances WHERE heartbeat_at < ? AND id <> ?", before, id));
    }

    /**
     * Takes the lease {@code name} for {@code length} if it is free, expired or already this instance's (then it is
     * renewed). True when this instance holds it now.
     */
    public boolean tryLease(String name, Duration length) {
        Objects.requireNonNull(name, "name");
        Instant now = clock.instant();
        Instant until = now.plus(length);
        return db.write(sql -> sql.update("INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
                + "WHERE leases.holder = excluded.holder OR leases.expires_at < ?", name, id, until, now) > 0);
    }

    /** Extends a lease this instance holds; false when it no longer does (it expired and another took it). */
    public boolean renewLease(String name, Duration length) {
        Instant until = clock.instant().plus(length);
        return db.write(sql -> sql.update("UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?",
                until, name, id) > 0);
    }

    /** Gives the lease up at once (the work is done), if this instance still holds it. */
    public void releaseLease(String name) {
        db.write(sql -> sql.update("DELETE FROM leases WHERE name = ? AND holder = ?", name, id));
    }

    /** Who holds the lease {@code name} now (an expired lease is held by nobody). */
    public Optional<Lease> lease(String name) {
        Instant now = clock.instant();
        return db.read(sql -> sql.first("SELECT name, holder, expires_at FROM leases WHERE name = ? AND expires_at >= ?",
                InstanceStore::lease, name, now));
    }

    /** Every lease held now, by name. */
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
