package dev.mojaz.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The running instances of the bot on one database and the leases they hold.
 *
 * <p>Each process that opens the store is one instance, with an id of its own ({@link #id()}: host, pid and a random
 * part, so a restarted process is a new instance). A running bot writes its {@link #heartbeat} every few seconds with
 * the roles it holds; an instance whose heartbeat is older than {@link #ALIVE_WITHIN} is dead, and what it had
 * claimed is taken over ({@link OutboxRepository#requeueAbandoned}).
 *
 * <p>A <b>lease</b> gives one instance at a time a piece of work, e.g. polling one source: {@link #tryLease} takes it
 * when it is free, expired, or already this instance's (then it is renewed); the holder renews it while the work goes
 * on and {@link #releaseLease releases} it when done. Two instances asking at once never both get it. Expiry times
 * come from each instance's clock: the instances' clocks must agree to well within a lease's length (NTP does that).
 */
public interface InstanceRepository {
    /** An instance whose heartbeat is older than this is taken for dead. */
    Duration ALIVE_WITHIN = Duration.ofSeconds(30);

    /** One instance as it last described itself. */
    record InstanceInfo(String id, String host, long pid, Instant started, Instant heartbeat, String roles) {
    }

    /** A lease: {@code holder} may do the work {@code name} until {@code expires}. */
    record Lease(String name, String holder, Instant expires) {
    }

    /** This instance's id: unique among the instances that ever used the database. */
    String id();

    /** Says this instance is alive and what it does; the first call registers it. */
    void heartbeat(String roles);

    /** This instance stops: its row goes, and its leases with it. */
    void leave();

    /** The instances whose heartbeat is recent ({@link #ALIVE_WITHIN}), this one included once it has beaten. */
    List<InstanceInfo> alive();

    /** Forgets instances silent for longer than {@code after}; returns how many. */
    int forgetSilent(Duration after);

    /**
     * Takes the lease {@code name} for {@code length} if it is free, expired or already this instance's (then it is
     * renewed). True when this instance holds it now.
     */
    boolean tryLease(String name, Duration length);

    /** Extends a lease this instance holds; false when it no longer does (it expired and another took it). */
    boolean renewLease(String name, Duration length);

    /** Gives the lease up at once (the work is done), if this instance still holds it. */
    void releaseLease(String name);

    /** Who holds the lease {@code name} now (an expired lease is held by nobody). */
    Optional<Lease> lease(String name);

    /** Every lease held now, by name. */
    List<Lease> leases();
}
