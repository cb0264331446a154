package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.MatchConfig;
import dev.mojaz.domain.Subscription;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A personal source's articles reach only its owners' subscriptions, keyword and whole-source alike. */
@Tag("fast")
class SourceAudienceTest {
    @Test
    void onlyOwnersAreHitByAPersonalSourceUntilItIsPromoted() {
        Map<String, Set<Long>> restricted = new HashMap<>(Map.of("my-blog", Set.of(1L)));
        SourceAudience audience = new SourceAudience(() -> restricted);
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        SubscriptionIndex index = SubscriptionIndex.snapshot(new QueryParser(new MatchConfig(50, 200, 20), List.of()),
                List.of(new Subscription(1, 1, "الطقس", null, now), new Subscription(2, 2, "الطقس", null, now),
                        new Subscription(3, 2, "", "my-blog", now)), // a follow by someone who does not own it
                audience);

        assertThat(index.match("أحوال الطقس", "الطقس غداً", "my-blog")).extracting(SubscriptionIndex.Hit::chatId)
                .containsExactly(1L);
        assertThat(index.match("أحوال الطقس", "الطقس غداً", "sana")).extracting(SubscriptionIndex.Hit::chatId)
                .containsExactlyInAnyOrder(1L, 2L);

        restricted.clear(); // an admin promoted it
        audience.reload();
        assertThat(index.match("أحوال الطقس", "الطقس غداً", "my-blog")).extracting(SubscriptionIndex.Hit::chatId)
                .containsExactlyInAnyOrder(1L, 2L, 2L);
    }
}
