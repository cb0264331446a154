package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.domain.ArticleRepository.AddResult;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.OutboxMessage.State;
import dev.mojaz.domain.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class DeliveryStoreTest extends StoreTestBase {

    @Test
    void aStoryIsDeliveredToAChatOnceWithItsMessages() {
        chat(7);
        AddResult article = addArticle("a", 1);
        List<NewMessage> alert = List.of(NewMessage.html("<b>عنوان</b>").withReplyMarkup("{\"inline_keyboard\":[]}"));

        assertThat(store.deliveries().deliverStory(7, article.storyId(), article.articleId(), alert)).isTrue();
        assertThat(store.deliveries().deliverStory(7, article.storyId(), article.articleId(), alert)).isFalse();

        assertThat(store.deliveries().isDelivered(7, article.storyId())).isTrue();
        List<OutboxMessage> queued = store.deliveries().ofChat(7);
        assertThat(queued).singleElement().satisfies(m -> {
            assertThat(m.message()).isEqualTo(alert.get(0));
            assertThat(m.state()).isEqualTo(State.PENDING);
            assertThat(m.attempts()).isZero();
            assertThat(m.nextAttempt()).isEqualTo(START);
            assertThat(m.created()).isEqualTo(START);
        });
    }

    @Test
    void anotherArticleOfTheSameStoryIsNotDeliveredAgain() {
        chat(7);
        AddResult first = addArticle("a", 1);
        AddResult retold = store.articles().add(article("bbc", "b", 3, clock.instant()));
        assertThat(retold.storyId()).isEqualTo(first.storyId());

        store.deliveries().deliverStory(7, first.storyId(), first.articleId(), List.of(NewMessage.plain("1")));
        assertThat(store.deliveries().deliverStory(7, retold.storyId(), retold.articleId(), List.of(NewMessage.plain("2"))))
                .isFalse();
        assertThat(store.deliveries().ofChat(7)).hasSize(1);
    }

    @Test
    void twoThreadsDeliveringTheSameStoryToTheSameChatMakeOneDeliveryAndOneSetOfMessages() throws Exception {
        chat(7);
        AddResult article = addArticle("a", 1);
        List<NewMessage> messages = List.of(NewMessage.plain("part 1"), NewMessage.plain("part 2"));
        for (int round = 0; round < 5; round++) {
            long story = round == 0 ? article.storyId() : addArticle("r" + round, new java.util.Random(round).nextLong()).storyId();
            List<Boolean> results = concurrently(2,
                    () -> store.deliveries().deliverStory(7, story, article.articleId(), messages));
            assertThat(results).containsExactlyInAnyOrder(true, false);
        }
        assertThat(store.deliveries().ofChat(7)).hasSize(10);
    }

    @Test
    void aDigestIsEnqueuedOncePerDigestHour() {
        chat(7);
        Instant slot = START.plus(Duration.ofHours(1));
        clock.set(slot.plusSeconds(2));
        List<NewMessage> digest = List.of(NewMessage.html("part 1"), NewMessage.html("part 2"));

        assertThat(store.deliveries().enqueueDigest(7, slot, clock.instant(), digest)).isTrue();
        assertThat(store.deliveries().enqueueDigest(7, slot, clock.instant().plusSeconds(1), digest)).isFalse();
        assertThat(store.deliveries().ofChat(7)).hasSize(2);
        assertThat(store.chats().find(7).orElseThrow().lastDigest()).isEqualTo(slot.plusSeconds(2));

        Instant nextSlot = slot.plus(Duration.ofHours(12));
        assertThat(store.deliveries().enqueueDigest(7, nextSlot, nextSlot, List.of())).as("an empty digest").isTrue();
        assertThat(store.deliveries().ofChat(7)).hasSize(2);
        assertThat(store.chats().find(7).orElseThrow().lastDigest()).isEqualTo(nextSlot);

        assertThat(store.deliveries().enqueueDigest(99, slot, slot, digest)).as("an unknown chat").isFalse();
        assertThatThrownBy(() -> store.deliveries().enqueueDigest(7, slot, slot.minusSeconds(1), digest))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentDigestsForTheSameHourEnqueueOnce() throws Exception {
        chat(7);
        Instant slot = START;
        List<Boolean> results = concurrently(4,
                () -> store.deliveries().enqueueDigest(7, slot, slot, List.of(NewMessage.html("digest"))));
        assertThat(results).containsOnlyOnce(true);
        assertThat(store.deliveries().ofChat(7)).hasSize(1);
    }

    @Test
    void claimingTakesTheOldestMessageOfEachChatAndKeepsEachChatInOrder() {
        List<Long> a = store.deliveries().enqueue(1, List.of(NewMessage.plain("a1"), NewMessage.plain("a2")));
        List<Long> b = store.deliveries().enqueue(2, List.of(NewMessage.plain("b1")));

        List<OutboxMessage> claimed = store.deliveries().claimDue(10);
        assertThat(claimed).extracting(OutboxMessage::id).containsExactly(a.get(0), b.get(0));
        assertThat(claimed).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(State.SENDING);
            assertThat(m.attempts()).isEqualTo(1);
        });
        assertThat(store.deliveries().claimDue(10)).as("a1 is still being sent: a2 waits").isEmpty();

        assertThat(store.deliveries().markSent(a.get(0), 555L)).isTrue();
        assertThat(store.deliveries().claimDue(10)).extracting(OutboxMessage::id).containsExactly(a.get(1));
        assertThat(store.deliveries().find(a.get(0)).orElseThrow().sentMessageId()).isEqualTo(555L);
        assertThat(store.deliveries().find(a.get(0)).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void theLimitCapsOneClaim() {
        for (long chat = 1; chat <= 5; chat++) {
            store.deliveries().enqueue(chat, List.of(NewMessage.plain("m")));
        }
        assertThat(store.deliveries().claimDue(3)).extracting(OutboxMessage::chatId).containsExactly(1L, 2L, 3L);
        assertThat(store.deliveries().claimDue(3)).extracting(OutboxMessage::chatId).containsExactly(4L, 5L);
    }

    @Test
    void aRetryHoldsTheChatsLaterMessagesUntilItsTime() {
        List<Long> ids = store.deliveries().enqueue(1, List.of(NewMessage.plain("first"), NewMessage.plain("second")));
        store.deliveries().claimDue(10);
        Instant retryAt = START.plusSeconds(30);
        assertThat(store.deliveries().retryAt(ids.get(0), retryAt, "429 Too Many Requests: retry after 30")).isTrue();

        OutboxMessage failed = store.deliveries().find(ids.get(0)).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.lastError()).contains("429");
        assertThat(store.deliveries().claimDue(10)).as("nothing before the retry time, not even the second").isEmpty();

        clock.set(retryAt);
        assertThat(store.deliveries().claimDue(10)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(ids.get(0));
            assertThat(m.attempts()).isEqualTo(2);
        });
        store.deliveries().markDead(ids.get(0), "400 Bad Request: message is too long");
        assertThat(store.deliveries().claimDue(10)).extracting(OutboxMessage::id).containsExactly(ids.get(1));
    }

    @Test
    void aMessageHeldForLaterDoesNotHoldUpTheChatsOtherMessages() {
        Instant morning = START.plus(Duration.ofHours(8));
        List<Long> held = store.deliveries().enqueue(1, List.of(NewMessage.html("alert in quiet hours").withNotBefore(morning)));
        List<Long> reply = store.deliveries().enqueue(1, List.of(NewMessage.plain("reply to /list")));

        assertThat(store.deliveries().claimDue(10)).extracting(OutboxMessage::id).containsExactly(reply.get(0));
        store.deliveries().markSent(reply.get(0), 1L);
        assertThat(store.deliveries().claimDue(10)).isEmpty();

        clock.set(morning);
        assertThat(store.deliveries().claimDue(10)).extracting(OutboxMessage::id).containsExactly(held.get(0));
    }

    @Test
    void transitionsOnlyApplyToClaimedMessages() {
        long id = store.deliveries().enqueue(1, List.of(NewMessage.plain("m"))).get(0);
        assertThat(store.deliveries().markSent(id, 1L)).as("not claimed").isFalse();
        assertThat(store.deliveries().retryAt(id, START, "x")).isFalse();
        store.deliveries().claimDue(1);
        assertThat(store.deliveries().markSent(id, 1L)).isTrue();
        assertThat(store.deliveries().markDead(id, "too late")).as("already sent").isFalse();
        assertThat(store.deliveries().markSent(404, 1L)).isFalse();
    }

    @Test
    void messagesLeftSendingByACrashAreRequeued() {
        List<Long> ids = store.deliveries().enqueue(1, List.of(NewMessage.plain("a"), NewMessage.plain("b")));
        store.deliveries().claimDue(10);
        assertThat(store.deliveries().requeueInterrupted()).isEqualTo(1);
        assertThat(store.deliveries().claimDue(10)).extracting(OutboxMessage::id).containsExactly(ids.get(0));
    }

    @Test
    void concurrentSendersNeverClaimTheSameMessageTwice() throws Exception {
        for (long chat = 1; chat <= 40; chat++) {
            store.deliveries().enqueue(chat, List.of(NewMessage.plain("m")));
        }
        List<List<OutboxMessage>> claims = concurrently(4, () -> store.deliveries().claimDue(40));
        List<Long> all = claims.stream().flatMap(List::stream).map(OutboxMessage::id).toList();
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void countsPerState() {
        List<Long> ids = store.deliveries().enqueue(1, List.of(NewMessage.plain("a")));
        store.deliveries().enqueue(2, List.of(NewMessage.plain("b"), NewMessage.plain("c")));
        store.deliveries().claimDue(1);
        store.deliveries().markSent(ids.get(0), 9L);
        Map<State, Long> counts = store.deliveries().counts();
        assertThat(counts).containsEntry(State.SENT, 1L).containsEntry(State.PENDING, 2L)
                .containsEntry(State.SENDING, 0L).containsEntry(State.DEAD, 0L).containsEntry(State.FAILED, 0L);
        assertThat(store.stats().outboxWaiting()).isEqualTo(2);
    }

    @Test
    void twoInstancesClaimingAtOnceEachGetDifferentMessagesAndTogetherAllOfThem() throws Exception {
        for (long chat = 1; chat <= 60; chat++) {
            chat(chat);
            store.deliveries().enqueue(chat, List.of(NewMessage.plain("m" + chat)));
        }
        try (SqlStorage other = new SqlStorage(target.open(), clock, 30)) {
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<List<OutboxMessage>> claims = concurrently(4, () -> {
                SqlStorage instance = turn.getAndIncrement() % 2 == 0 ? store : other;
                List<OutboxMessage> mine = new java.util.ArrayList<>();
                List<OutboxMessage> batch;
                while (!(batch = instance.deliveries().claimDue(7)).isEmpty()) {
                    mine.addAll(batch);
                }
                return mine;
            });
            List<Long> ids = claims.stream().flatMap(List::stream).map(OutboxMessage::id).toList();
            assertThat(ids).hasSize(60).doesNotHaveDuplicates();
        }
    }

    @Test
    void messagesADeadInstanceWasSendingGoBackButALiveInstancesStay() {
        chat(1);
        chat(2);
        chat(3);
        try (SqlStorage alive = new SqlStorage(target.open(), clock, 30);
             SqlStorage dead = new SqlStorage(target.open(), clock, 30)) {
            dead.instances().heartbeat("sender");
            store.deliveries().enqueue(1, List.of(NewMessage.plain("mine")));
            alive.deliveries().enqueue(2, List.of(NewMessage.plain("alive's")));
            dead.deliveries().enqueue(3, List.of(NewMessage.plain("dead's")));
            assertThat(store.deliveries().claimDue(1)).hasSize(1);
            assertThat(alive.deliveries().claimDue(1)).hasSize(1);
            assertThat(dead.deliveries().claimDue(1)).hasSize(1);

            clock.advance(InstanceStore.ALIVE_WITHIN.plusSeconds(1));
            alive.instances().heartbeat("sender"); // the dead one stopped beating 31 s ago
            int requeued = store.deliveries().requeueAbandoned();

            List<Long> sending = List.of(1L, 2L, 3L).stream()
                    .filter(chat -> store.deliveries().ofChat(chat).get(0).state() == State.SENDING).toList();
            if (dialect == Dialect.SQLITE) {
                // one file, one bot: any claim that is not ours is a dead process's
                assertThat(requeued).isEqualTo(2);
                assertThat(sending).containsExactly(1L);
            } else {
                assertThat(requeued).isEqualTo(1);
                assertThat(sending).containsExactly(1L, 2L);
            }
        }
    }
}
