package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two instances on one database (two stores on it, one clock): heartbeats, leases, and who takes over. */
@Tag("fast")
class InstanceStoreTest extends StoreTestBase {
    private static final Duration LEASE = Duration.ofSeconds(60);

    private SqlStorage other;

    @BeforeEach
    void openOther() {
        other = new SqlStorage(target.open(), clock, 30);
    }

    @AfterEach
    void closeOther() {
        other.close();
    }

    @Test
    void eachOpenerIsAnInstanceOfItsOwn() {
        assertThat(store.instances().id()).isNotEqualTo(other.instances().id())
                .startsWith(store.instances().id().substring(0, store.instances().id().lastIndexOf(':')));
    }

    @Test
    void aLeaseIsOneInstancesAtATimeRenewedByItAndTakenOverOnceItExpires() {
        InstanceStore a = store.instances();
        InstanceStore b = other.instances();
        assertThat(a.tryLease("source:sana", LEASE)).isTrue();
        assertThat(b.tryLease("source:sana", LEASE)).isFalse();
        assertThat(a.tryLease("source:sana", LEASE)).as("the holder asking again renews").isTrue();
        assertThat(b.tryLease("source:bbc", LEASE)).as("another source is free").isTrue();

        clock.advance(Duration.ofSeconds(50));
        assertThat(a.renewLease("source:sana", LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(b.tryLease("source:sana", LEASE)).as("renewed 50 s ago: still a's").isFalse();
        assertThat(a.lease("source:sana")).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(a.id()));

        clock.advance(Duration.ofSeconds(11)); // a died: no renewal for more than the lease
        assertThat(b.tryLease("source:sana", LEASE)).isTrue();
        assertThat(a.renewLease("source:sana", LEASE)).as("a has lost it").isFalse();
        assertThat(a.tryLease("source:sana", LEASE)).isFalse();
        assertThat(b.leases()).as("b's lease on bbc expired too: nobody renewed it")
                .extracting(InstanceStore.Lease::name).containsExactly("source:sana");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderReleasesIt() {
        InstanceStore a = store.instances();
        InstanceStore b = other.instances();
        a.tryLease("source:sana", LEASE);
        b.releaseLease("source:sana");
        assertThat(b.tryLease("source:sana", LEASE)).isFalse();
        a.releaseLease("source:sana");
        assertThat(b.tryLease("source:sana", LEASE)).isTrue();
    }

    @Test
    void ofManyAskingAtOnceFromTwoInstancesExactlyOneGetsTheLease() throws Exception {
        for (int round = 0; round < 10; round++) {
            String name = "source:s" + round;
            AtomicInteger turn = new AtomicInteger();
            List<Boolean> results = concurrently(8, () -> (turn.getAndIncrement() % 2 == 0 ? store : other)
                    .instances().tryLease(name, LEASE));
            // the two instances ask four times each: the winner's own later asks renew (true), the other's fail
            List<String> holders = store.instances().leases().stream().filter(l -> l.name().equals(name))
                    .map(InstanceStore.Lease::holder).toList();
            assertThat(holders).hasSize(1);
            assertThat(results).contains(true).contains(false);
        }
    }

    @Test
    void theInstancesAliveAreThoseThatBeatRecentlyAndALeavingOneGoesWithItsLeases() {
        store.instances().heartbeat("update reader (long polling), sender");
        other.instances().heartbeat("standby for updates, sender");
        assertThat(store.instances().alive()).extracting(InstanceStore.InstanceInfo::id)
                .containsExactlyInAnyOrder(store.instances().id(), other.instances().id());

        clock.advance(InstanceStore.ALIVE_WITHIN.plusSeconds(1));
        other.instances().heartbeat("update reader (long polling), sender");
        assertThat(store.instances().alive()).singleElement().satisfies(info -> {
            assertThat(info.id()).isEqualTo(other.instances().id());
            assertThat(info.roles()).isEqualTo("update reader (long polling), sender");
            assertThat(info.pid()).isEqualTo(ProcessHandle.current().pid());
        });

        other.instances().tryLease("source:sana", LEASE);
        other.instances().leave();
        assertThat(store.instances().alive()).isEmpty();
        assertThat(store.instances().leases()).isEmpty();
    }
}
