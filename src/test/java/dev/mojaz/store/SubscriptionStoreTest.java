package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.domain.Subscription;
import dev.mojaz.domain.SubscriptionRepository.Added;
import dev.mojaz.domain.SubscriptionRepository.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SubscriptionStoreTest extends StoreTestBase {

    @Test
    void addedSubscriptionsAreListedInOrder() {
        chat(7);
        Added first = store.subscriptions().add(7, "سوريا", null, 10);
        clock.advance(Duration.ofMinutes(1));
        Added second = store.subscriptions().add(7, "\"جبهة النصرة\" -رياضة", "sana", 10);

        assertThat(first.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(first.subscription()).isEqualTo(new Subscription(first.subscription().id(), 7, "سوريا", null, START));
        assertThat(second.subscription().sourceId()).isEqualTo("sana");
        assertThat(store.subscriptions().list(7)).containsExactly(first.subscription(), second.subscription());
        assertThat(store.subscriptions().find(second.subscription().id())).contains(second.subscription());
        assertThat(store.subscriptions().count()).isEqualTo(2);
    }

    @Test
    void theSameQueryWithTheSameSourceFilterIsNotAddedTwice() {
        chat(7);
        Added everywhere = store.subscriptions().add(7, "سوريا", null, 10);
        Added again = store.subscriptions().add(7, "سوريا", null, 10);
        Added onlySana = store.subscriptions().add(7, "سوريا", "sana", 10);

        assertThat(again).isEqualTo(new Added(Outcome.ALREADY_FOLLOWED, everywhere.subscription()));
        assertThat(onlySana.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(store.subscriptions().add(7, "سوريا", "sana", 10).outcome()).isEqualTo(Outcome.ALREADY_FOLLOWED);
        assertThat(store.subscriptions().list(7)).hasSize(2);
    }

    @Test
    void theLimitPerChatHolds() {
        chat(7);
        store.subscriptions().add(7, "a", null, 2);
        store.subscriptions().add(7, "b", null, 2);
        assertThat(store.subscriptions().add(7, "c", null, 2)).isEqualTo(new Added(Outcome.LIMIT_REACHED, null));
        assertThat(store.subscriptions().add(7, "a", null, 2).outcome()).isEqualTo(Outcome.ALREADY_FOLLOWED);
    }

    @Test
    void theLimitHoldsUnderConcurrentSubscribes() throws Exception {
        chat(7);
        AtomicInteger n = new AtomicInteger();
        List<Outcome> outcomes = concurrently(8, () -> store.subscriptions().add(7, "q" + n.getAndIncrement(), null, 5).outcome());
        assertThat(outcomes).filteredOn(o -> o == Outcome.ADDED).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o == Outcome.LIMIT_REACHED).hasSize(3);
        assertThat(store.subscriptions().list(7)).hasSize(5);
    }

    @Test
    void aChatRemovesOnlyItsOwnSubscriptions() {
        chat(7);
        chat(8);
        long mine = store.subscriptions().add(7, "سوريا", null, 10).subscription().id();
        long theirs = store.subscriptions().add(8, "سوريا", null, 10).subscription().id();

        assertThat(store.subscriptions().remove(7, theirs)).isFalse();
        assertThat(store.subscriptions().remove(7, mine)).isTrue();
        assertThat(store.subscriptions().remove(7, mine)).isFalse();
        assertThat(store.subscriptions().list(8)).extracting(Subscription::id).containsExactly(theirs);
    }

    @Test
    void removeAll() {
        chat(7);
        store.subscriptions().add(7, "a", null, 10);
        store.subscriptions().add(7, "b", null, 10);
        assertThat(store.subscriptions().removeAll(7)).isEqualTo(2);
        assertThat(store.subscriptions().list(7)).isEmpty();
    }

    @Test
    void theMatcherLoadsOnlySubscriptionsOfReceivingChats() {
        chat(1);
        chat(2);
        chat(3);
        long kept = store.subscriptions().add(1, "a", null, 10).subscription().id();
        store.subscriptions().add(2, "b", null, 10);
        store.subscriptions().add(3, "c", null, 10);
        store.chats().setPaused(2, true);
        store.chats().deactivate(3, "bot was kicked");

        assertThat(store.subscriptions().ofReceivingChats()).extracting(Subscription::id).containsExactly(kept);
    }
}
