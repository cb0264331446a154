package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SourceStoresTest extends StoreTestBase {
    private static final SourceConfig FEED = new SourceConfig("enab", "عنب بلدي", "ar",
            URI.create("https://www.enabbaladi.net/feed"), null, null, Duration.ofMinutes(15), true);
    private static final SourceConfig PAGE = new SourceConfig("alwatan", "الوطن", "ar", null,
            URI.create("https://alwatan.sy/news"), "h2 a", Duration.ofMinutes(30), false);

    @Test
    void sourcesAreAddedFoundListedReplacedAndRemoved() {
        store.sources().upsert(PAGE);
        store.sources().upsert(FEED);
        assertThat(store.sources().all()).containsExactly(PAGE, FEED);
        assertThat(store.sources().find("enab")).contains(FEED);
        assertThat(store.sources().find("none")).isEmpty();

        SourceConfig renamed = new SourceConfig("enab", "Enab Baladi", "ar", null, URI.create("https://enab.example/"),
                "a.title", Duration.ofHours(1), false);
        store.sources().upsert(renamed);
        assertThat(store.sources().find("enab")).contains(renamed);
        assertThat(store.sources().all()).hasSize(2);

        assertThat(store.sources().remove("enab")).isTrue();
        assertThat(store.sources().remove("enab")).isFalse();
        assertThat(store.sources().all()).containsExactly(PAGE);
    }

    @Test
    void aSourceNeverPolledHasTheInitialState() {
        assertThat(store.sourceStates().load("sana")).isEqualTo(SourceState.initial("sana"));
        assertThat(store.sourceStates().all()).isEmpty();
    }

    @Test
    void stateIsSavedReplacedAndListed() {
        Instant t = START;
        SourceState failing = new SourceState("sana", "\"abc\"", "Tue, 10 Nov 2026 08:00:00 GMT", t, t.minusSeconds(600),
                2, "HTTP 503", t.plusSeconds(1200));
        store.sourceStates().save(failing);
        assertThat(store.sourceStates().load("sana")).isEqualTo(failing);

        SourceState recovered = new SourceState("sana", null, null, t.plusSeconds(1200), t.plusSeconds(1200), 0, null, null);
        store.sourceStates().save(recovered);
        store.sourceStates().save(SourceState.initial("bbc-arabic"));
        assertThat(store.sourceStates().load("sana")).isEqualTo(recovered);
        assertThat(store.sourceStates().all()).containsOnlyKeys("bbc-arabic", "sana").containsEntry("sana", recovered);
    }
}
