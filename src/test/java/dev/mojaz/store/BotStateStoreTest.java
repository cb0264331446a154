package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.domain.StoreException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BotStateStoreTest extends StoreTestBase {

    @Test
    void valuesArePutReplacedReadAndRemoved() {
        assertThat(store.botState().get("dispatcher.last-article-id")).isEmpty();
        store.botState().put("dispatcher.last-article-id", "12");
        store.botState().putLong("dispatcher.last-article-id", 13);
        assertThat(store.botState().getLong("dispatcher.last-article-id")).isEqualTo(OptionalLong.of(13));
        assertThat(store.botState().getLong("missing")).isEmpty();
        assertThat(store.botState().remove("dispatcher.last-article-id")).isTrue();
        assertThat(store.botState().remove("dispatcher.last-article-id")).isFalse();
    }

    @Test
    void aTelegramUpdateIdFitsInALong() {
        store.botState().putLong("telegram.last-update-id", 9_876_543_210L);
        assertThat(store.botState().getLong("telegram.last-update-id")).isEqualTo(OptionalLong.of(9_876_543_210L));
    }

    @Test
    void aValueThatIsNotANumberIsReported() {
        store.botState().put("k", "abc");
        assertThatThrownBy(() -> store.botState().getLong("k")).isInstanceOf(StoreException.class).hasMessageContaining("'k'");
    }

    @Test
    void theLastUpdateIdIsSavedWithTheUpdatesEffectsOrNotAtAll() {
        chat(7);
        store.botState().putLong("telegram.last-update-id", 100);
        assertThatThrownBy(() -> store.transaction(() -> {
            store.subscriptions().add(7, "سوريا", null, 10);
            store.botState().putLong("telegram.last-update-id", 101);
            throw new IllegalStateException("crash");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.botState().getLong("telegram.last-update-id")).isEqualTo(OptionalLong.of(100));

        store.transaction(() -> {
            store.subscriptions().add(7, "سوريا", null, 10);
            store.botState().putLong("telegram.last-update-id", 101);
        });
        assertThat(store.botState().getLong("telegram.last-update-id")).isEqualTo(OptionalLong.of(101));
        assertThat(store.subscriptions().list(7)).hasSize(1);
    }

    @Test
    void aPositionOnlyMovesForwardAndOfTwoInstancesAdvancingToTheSameValueOneDoes() throws Exception {
        assertThat(store.botState().advanceLong("cursor", 5)).as("absent: set").isTrue();
        assertThat(store.botState().advanceLong("cursor", 5)).isFalse();
        assertThat(store.botState().advanceLong("cursor", 3)).isFalse();
        assertThat(store.botState().getLong("cursor")).hasValue(5);
        assertThat(store.botState().advanceLong("cursor", 12)).isTrue();
        assertThat(store.botState().getLong("cursor")).hasValue(12);

        try (SqlStorage other = new SqlStorage(target.open(), clock, 30)) {
            for (long to = 13; to < 23; to++) {
                long value = to;
                java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
                java.util.List<Boolean> moved = concurrently(4, () -> (turn.getAndIncrement() % 2 == 0 ? store : other)
                        .botState().advanceLong("cursor", value));
                assertThat(moved).containsOnlyOnce(true);
            }
        }
        assertThat(store.botState().getLong("cursor")).hasValue(22);
    }
}
