package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PersonalSourceStoreTest extends StoreTestBase {
    private static final String ID = "my-0123456789";

    private void personal(String id, String url, long owner) {
        store.transaction(() -> {
            store.sources().upsert(new SourceConfig(id, "مدونة", "ar", URI.create(url), null, null,
                    Duration.ofMinutes(30), true));
            store.personalSources().create(id, url, owner);
        });
    }

    @Test
    void aPersonalSourceHasOwnersAndItsArticlesAreRestrictedToThemUntilPromoted() {
        chat(7);
        chat(8);
        personal(ID, "https://blog.example/feed", 7);
        assertThat(store.personalSources().addOwner(ID, 8)).isTrue();
        assertThat(store.personalSources().addOwner(ID, 8)).as("already an owner").isFalse();

        assertThat(store.personalSources().byUrlKey("https://blog.example/feed")).map(p -> p.sourceId()).hasValue(ID);
        assertThat(store.personalSources().owners(ID)).containsExactly(7L, 8L);
        assertThat(store.personalSources().ownedBy(8)).containsExactly(ID);
        assertThat(store.personalSources().restricted()).isEqualTo(Map.of(ID, Set.of(7L, 8L)));

        assertThat(store.personalSources().promote(ID)).isTrue();
        assertThat(store.personalSources().restricted()).isEmpty();
        assertThat(store.personalSources().find(ID)).map(p -> p.promoted()).hasValue(true);
    }

    @Test
    void aForgottenLastOwnerLeavesTheSourceOwnerlessAndRemovingTheSourceTakesItsRowsAlong() {
        chat(7);
        personal(ID, "https://blog.example/feed", 7);
        store.subscriptions().add(7, "", ID, 50);
        store.chats().forget(7);
        assertThat(store.personalSources().ownerless()).containsExactly(ID);

        chat(9);
        store.subscriptions().add(9, "", ID, 50);
        store.subscriptions().add(9, "سوريا", ID, 50);
        assertThat(store.subscriptions().removeFollowsOf(ID)).containsExactly(9L);
        assertThat(store.subscriptions().list(9)).extracting(Subscription::query).containsExactly("سوريا");
        store.sources().remove(ID);
        assertThat(store.personalSources().find(ID)).isEmpty();
        assertThat(store.personalSources().count()).isZero();
    }

    @Test
    void aBlockedDomainCoversItsSubdomains() {
        assertThat(store.personalSources().block("Spam.example", 1)).isTrue();
        assertThat(store.personalSources().block("spam.example", 1)).isFalse();
        assertThat(store.personalSources().isBlocked("spam.example")).isTrue();
        assertThat(store.personalSources().isBlocked("news.spam.example")).isTrue();
        assertThat(store.personalSources().isBlocked("notspam.example")).isFalse();
        assertThat(store.personalSources().blocked()).containsExactly("spam.example");
    }
}
