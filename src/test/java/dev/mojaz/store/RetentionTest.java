package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.domain.ArticleRepository.AddResult;
import dev.mojaz.domain.ArticleRepository.Outcome;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.OutboxMessage.State;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RetentionTest extends StoreTestBase {
    private static final int BATCH = 2;

    private Retention retention() {
        return new Retention(store.database(), clock, Duration.ofDays(30), BATCH);
    }

    @Test
    void oldArticlesArePrunedInBatchesWithTheDeliveriesOfTheirStories() {
        chat(7);
        List<AddResult> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(store.articles().add(article("sana", "old" + i, new Random(i).nextLong(), START)));
        }
        for (int i = 0; i < 3; i++) {
            store.deliveries().deliverStory(7, old.get(i).storyId(), old.get(i).articleId(), List.of(NewMessage.plain("m" + i)));
        }
        clock.advance(Duration.ofDays(1));
        // the first story is told again a day later: that article is young enough to stay, and so does its story
        AddResult retold = store.articles().add(article("bbc", "retold", new Random(0).nextLong() ^ 1, clock.instant()));
        assertThat(retold.outcome()).isEqualTo(Outcome.JOINED_STORY);
        AddResult young = store.articles().add(article("sana", "young", 42, START.plus(Duration.ofDays(29))));

        clock.set(START.plus(Duration.ofDays(30)).plus(Duration.ofHours(12)));
        Storage.Pruned pruned = retention().prune();

        assertThat(pruned.articles()).isEqualTo(5);
        assertThat(pruned.stories()).isEqualTo(4);
        assertThat(pruned.deliveries()).isEqualTo(2);
        assertThat(pruned.batches()).as("5 articles in batches of 2, each its own transaction").isGreaterThanOrEqualTo(3);
        assertThat(store.articles().count()).isEqualTo(2);
        assertThat(store.articles().find(retold.articleId())).isPresent();
        assertThat(store.articles().find(young.articleId())).isPresent();
        assertThat(store.deliveries().isDelivered(7, old.get(0).storyId())).as("its story lives on").isTrue();
        assertThat(store.deliveries().isDelivered(7, old.get(1).storyId())).isFalse();
        assertThat(store.deliveries().isDelivered(7, old.get(2).storyId())).isFalse();
        long remainingArticleId = store.database().read(sql -> sql.number(
                "SELECT COUNT(*) FROM deliveries WHERE article_id IS NOT NULL"));
        assertThat(remainingArticleId).as("the delivery no longer names the pruned article").isZero();

        assertThat(retention().prune()).isEqualTo(new Storage.Pruned(0, 0, 0, 0, 0, 0));
    }

    @Test
    void finishedOutboxMessagesArePrunedAndWaitingOnesKept() {
        List<Long> ids = store.deliveries().enqueue(1, List.of(NewMessage.plain("sent"), NewMessage.plain("dead"),
                NewMessage.plain("sent 2"), NewMessage.plain("waiting")));
        for (int i = 0; i < 3; i++) {
            OutboxMessage claimed = store.deliveries().claimDue(1).get(0);
            if (i == 1) {
                store.deliveries().markDead(claimed.id(), "400");
            } else {
                store.deliveries().markSent(claimed.id(), 1L);
            }
        }
        clock.advance(Retention.FINISHED_MESSAGES_KEPT.plusMinutes(1));
        long recent = store.deliveries().enqueue(1, List.of(NewMessage.plain("sent just now"))).get(0);
        store.deliveries().claimDue(10);
        store.deliveries().markSent(ids.get(3), 1L);
        store.deliveries().claimDue(10);
        store.deliveries().markSent(recent, 2L);

        Storage.Pruned pruned = retention().prune();

        assertThat(pruned.messages()).isEqualTo(3);
        assertThat(store.deliveries().ofChat(1)).extracting(OutboxMessage::id).containsExactly(ids.get(3), recent);
        assertThat(store.deliveries().counts()).containsEntry(State.SENT, 2L);
    }

    @Test
    void nothingIsPrunedBeforeItsTime() {
        chat(7);
        AddResult a = addArticle("a", 1);
        store.deliveries().deliverStory(7, a.storyId(), a.articleId(), List.of(NewMessage.plain("m")));
        clock.advance(Duration.ofDays(29));
        assertThat(retention().prune().articles()).isZero();
        assertThat(store.deliveries().isDelivered(7, a.storyId())).isTrue();
    }

    @Test
    void pruningInsideATransactionIsRefused() {
        assertThatThrownBy(() -> store.transaction(() -> retention().prune())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pruningAndWritingAtTheSameTimeLoseNothing() throws Exception {
        for (int i = 0; i < 40; i++) {
            store.articles().add(article("sana", "old" + i, new Random(i).nextLong(), START));
        }
        clock.advance(Duration.ofDays(31));
        chat(7);
        java.util.concurrent.atomic.AtomicInteger role = new java.util.concurrent.atomic.AtomicInteger();
        // one thread prunes 40 articles in 20 short transactions while two others write between them
        List<Object> results = concurrently(3, () -> {
            int me = role.getAndIncrement();
            if (me == 0) {
                return retention().prune();
            }
            for (int i = 0; i < 20; i++) {
                store.subscriptions().add(7, "writer " + me + " query " + i, null, 1000);
            }
            return me;
        });
        assertThat(results).filteredOn(r -> r instanceof Storage.Pruned).singleElement()
                .isEqualTo(new Storage.Pruned(40, 40, 0, 0, 0, 20));
        assertThat(store.articles().count()).isZero();
        assertThat(store.subscriptions().list(7)).hasSize(40);
    }

    @Test
    void handledUpdatesAreForgottenOnceTelegramCanNoLongerSendThemAgain() {
        // Webhook mode has no low-water mark to forget them by; their age does.
        store.handledUpdates().record(10);
        clock.advance(Retention.HANDLED_UPDATES_KEPT.plusMinutes(1));
        store.handledUpdates().record(11);
        store.handledUpdates().record(12);
        store.handledUpdates().record(13);

        assertThat(retention().prune().updates()).isEqualTo(1);
        assertThat(store.handledUpdates().contains(10)).isFalse();
        assertThat(store.handledUpdates().contains(13)).isTrue();
    }
}
