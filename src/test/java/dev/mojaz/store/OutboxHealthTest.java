package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.OutboxMessage.State;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the sender waits on ({@code nextDue}) and what the health report reads from the outbox. */
@Tag("fast")
class OutboxHealthTest extends StoreTestBase {

    @Test
    void nothingWaitingHasNoNextDue() {
        assertThat(store.deliveries().nextDue()).isEmpty();
        assertThat(store.deliveries().oldestWaiting()).isEmpty();
        assertThat(store.deliveries().lastSent()).isEmpty();
    }

    @Test
    void nextDueIsTheEarliestMessageOnlyTimeHoldsBack() {
        Instant later = START.plus(Duration.ofHours(2));
        store.deliveries().enqueue(1, List.of(NewMessage.plain("held").withNotBefore(later)));
        assertThat(store.deliveries().nextDue()).hasValue(later);

        store.deliveries().enqueue(2, List.of(NewMessage.plain("now")));
        assertThat(store.deliveries().nextDue()).hasValue(START);
    }

    @Test
    void aMessageBehindOneBeingSentOrRetriedIsNotDueByItself() {
        List<Long> ids = store.deliveries().enqueue(1, List.of(NewMessage.plain("first"), NewMessage.plain("second")));
        store.deliveries().claimDue(10);
        assertThat(store.deliveries().nextDue()).as("the second waits for the first, which is being sent").isEmpty();

        Instant retry = START.plusSeconds(30);
        store.deliveries().retryAt(ids.get(0), retry, "429");
        assertThat(store.deliveries().nextDue()).as("the first is retried at 30 s; the second after it").hasValue(retry);
        assertThat(store.deliveries().oldestWaiting()).hasValue(START);
    }

    @Test
    void lastSentAndRecentFailuresForTheHealthReport() {
        List<Long> ids = store.deliveries().enqueue(1, List.of(NewMessage.plain("a")));
        store.deliveries().enqueue(2, List.of(NewMessage.plain("b")));
        store.deliveries().enqueue(3, List.of(NewMessage.plain("c")));
        List<OutboxMessage> claimed = store.deliveries().claimDue(10);
        assertThat(claimed).hasSize(3);

        clock.advance(Duration.ofSeconds(5));
        store.deliveries().markSent(ids.get(0), 10L);
        clock.advance(Duration.ofSeconds(5));
        store.deliveries().markDead(claimed.get(1).id(), "403 blocked");
        clock.advance(Duration.ofSeconds(5));
        store.deliveries().retryAt(claimed.get(2).id(), clock.instant().plusSeconds(60), "502 Bad Gateway");

        assertThat(store.deliveries().lastSent()).hasValue(START.plusSeconds(5));
        assertThat(store.deliveries().recentFailures(5)).extracting(OutboxRepository.Failure::error, OutboxRepository.Failure::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("502 Bad Gateway", State.FAILED),
                        org.assertj.core.groups.Tuple.tuple("403 blocked", State.DEAD));
        assertThat(store.deliveries().recentFailures(1)).hasSize(1);
    }
}
