package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatRepository;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.DueDigest;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.OutboxMessage.State;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.QuietHours;
import dev.mojaz.domain.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ChatStoreTest extends StoreTestBase {
    private static final long GROUP = -4_001_234_567L;
    private static final long SUPERGROUP = -1_009_876_543_210L;

    @Test
    void aNewChatGetsTheInitialSettingsAndKeepsTheSixtyFourBitId() {
        long bigId = -1_002_345_678_901L;
        Chat chat = store.chats().register(bigId, ChatKind.SUPERGROUP, "أخبار", ChatSettings.defaults("ar", DAMASCUS));

        assertThat(chat.id()).isEqualTo(bigId);
        assertThat(chat.kind()).isEqualTo(ChatKind.SUPERGROUP);
        assertThat(chat.title()).isEqualTo("أخبار");
        assertThat(chat.settings()).isEqualTo(ChatSettings.defaults("ar", DAMASCUS));
        assertThat(chat.active()).isTrue();
        assertThat(chat.paused()).isFalse();
        assertThat(chat.created()).isEqualTo(START);
        assertThat(chat.lastDigest()).isNull();
        assertThat(store.chats().find(bigId)).contains(chat);
    }

    @Test
    void registeringAKnownChatKeepsItsSettingsAndRefreshesItsTitle() {
        Chat first = chat(7);
        ChatSettings mine = first.settings().withLanguage("en").withDigestHours(List.of(20, 7));
        store.chats().updateSettings(7, mine);

        Chat again = store.chats().register(7, ChatKind.PRIVATE, "new name", ChatSettings.defaults("ar", ZoneId.of("UTC")));
        assertThat(again.settings()).isEqualTo(mine);
        assertThat(again.title()).isEqualTo("new name");
        assertThat(store.chats().register(7, ChatKind.PRIVATE, null, ChatSettings.defaults("ar", DAMASCUS)).title())
                .isEqualTo("new name");
    }

    @Test
    void everySettingRoundTrips() {
        chat(7);
        ChatSettings all = new ChatSettings("en", ZoneId.of("America/New_York"), List.of(21, 6, 12, 6),
                new QuietHours(23, 7), 5, false, true);
        assertThat(store.chats().updateSettings(7, all)).isTrue();
        assertThat(store.chats().find(7).orElseThrow().settings()).isEqualTo(all);
        assertThat(all.digestHours()).containsExactly(6, 12, 21);

        ChatSettings none = all.withDigestHours(List.of()).withQuietHours(null);
        store.chats().updateSettings(7, none);
        assertThat(store.chats().find(7).orElseThrow().settings()).isEqualTo(none);
        assertThat(store.chats().updateSettings(8, none)).isFalse();
    }

    @Test
    void pausingAndResuming() {
        chat(7);
        assertThat(store.chats().setPaused(7, true)).isTrue();
        assertThat(store.chats().find(7).orElseThrow().receiving()).isFalse();
        store.chats().setPaused(7, false);
        assertThat(store.chats().find(7).orElseThrow().receiving()).isTrue();
        assertThat(store.chats().setPaused(8, true)).isFalse();
    }

    @Test
    void deactivatingKeepsSettingsAndSubscriptionsAndGivesUpWaitingMessages() {
        Chat chat = chat(7);
        store.subscriptions().add(7, "سوريا", null, 10);
        store.deliveries().enqueue(7, List.of(NewMessage.plain("one"), NewMessage.plain("two")));
        store.deliveries().enqueue(8, List.of(NewMessage.plain("someone else's")));

        assertThat(store.chats().deactivate(7, "Forbidden: bot was blocked by the user")).isTrue();

        Chat inactive = store.chats().find(7).orElseThrow();
        assertThat(inactive.active()).isFalse();
        assertThat(inactive.inactiveReason()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(inactive.settings()).isEqualTo(chat.settings());
        assertThat(store.subscriptions().list(7)).hasSize(1);
        assertThat(store.deliveries().ofChat(7)).extracting(OutboxMessage::state).containsOnly(State.DEAD);
        assertThat(store.deliveries().ofChat(8)).extracting(OutboxMessage::state).containsOnly(State.PENDING);
        assertThat(store.chats().receivingIds()).doesNotContain(7L);

        assertThat(store.chats().reactivate(7)).isTrue();
        assertThat(store.chats().find(7).orElseThrow().active()).isTrue();
        assertThat(store.chats().find(7).orElseThrow().inactiveReason()).isNull();
    }

    @Test
    void aGroupMigratedToASupergroupTakesEverythingAlong() {
        store.chats().register(GROUP, ChatKind.GROUP, "المجموعة", ChatSettings.defaults("ar", DAMASCUS));
        ChatSettings chosen = ChatSettings.defaults("ar", DAMASCUS).withDigestHours(List.of(9, 21)).withAlerts(false);
        store.chats().updateSettings(GROUP, chosen);
        store.subscriptions().add(GROUP, "سوريا", null, 10);
        store.subscriptions().add(GROUP, "حلب", "sana", 10);
        var added = addArticle("a", 1);
        long story = added.storyId();
        store.deliveries().deliverStory(GROUP, story, added.articleId(), List.of(NewMessage.plain("alert")));

        assertThat(store.chats().migrate(GROUP, SUPERGROUP)).isTrue();

        assertThat(store.chats().find(GROUP)).isEmpty();
        Chat moved = store.chats().find(SUPERGROUP).orElseThrow();
        assertThat(moved.kind()).isEqualTo(ChatKind.SUPERGROUP);
        assertThat(moved.title()).isEqualTo("المجموعة");
        assertThat(moved.settings()).isEqualTo(chosen);
        assertThat(moved.created()).isEqualTo(START);
        assertThat(store.subscriptions().list(SUPERGROUP)).extracting(Subscription::query).containsExactly("سوريا", "حلب");
        assertThat(store.subscriptions().list(GROUP)).isEmpty();
        assertThat(store.deliveries().isDelivered(SUPERGROUP, story)).isTrue();
        assertThat(store.deliveries().isDelivered(GROUP, story)).isFalse();
        assertThat(store.deliveries().ofChat(SUPERGROUP)).extracting(m -> m.message().text()).containsExactly("alert");
        assertThat(store.deliveries().ofChat(GROUP)).isEmpty();
    }

    @Test
    void migratingIntoAKnownSupergroupMergesWithoutDuplicates() {
        store.chats().register(GROUP, ChatKind.GROUP, "old", ChatSettings.defaults("ar", DAMASCUS));
        store.chats().register(SUPERGROUP, ChatKind.SUPERGROUP, "new", ChatSettings.defaults("en", DAMASCUS));
        store.subscriptions().add(GROUP, "سوريا", null, 10);
        store.subscriptions().add(GROUP, "لبنان", null, 10);
        store.subscriptions().add(SUPERGROUP, "سوريا", null, 10);
        var added = addArticle("a", 1);
        long story = added.storyId();
        store.deliveries().deliverStory(GROUP, story, added.articleId(), List.of(NewMessage.plain("a")));
        store.deliveries().deliverStory(SUPERGROUP, story, added.articleId(), List.of(NewMessage.plain("b")));

        assertThat(store.chats().migrate(GROUP, SUPERGROUP)).isTrue();

        assertThat(store.chats().find(SUPERGROUP).orElseThrow().settings().language()).isEqualTo("en");
        assertThat(store.subscriptions().list(SUPERGROUP)).extracting(Subscription::query)
                .containsExactlyInAnyOrder("سوريا", "لبنان");
        assertThat(store.deliveries().isDelivered(SUPERGROUP, story)).isTrue();
        assertThat(store.chats().find(GROUP)).isEmpty();
    }

    @Test
    void migratingAnUnknownChatDoesNothing() {
        assertThat(store.chats().migrate(GROUP, SUPERGROUP)).isFalse();
        assertThat(store.chats().find(SUPERGROUP)).isEmpty();
        assertThatThrownBy(() -> store.chats().migrate(GROUP, GROUP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgetErasesEverythingOfThatChatAndNothingElse() {
        chat(7);
        chat(8);
        store.subscriptions().add(7, "سوريا", null, 10);
        store.subscriptions().add(7, "دمشق", null, 10);
        store.subscriptions().add(8, "سوريا", null, 10);
        var added = addArticle("a", 1);
        long story = added.storyId();
        store.deliveries().deliverStory(7, story, added.articleId(), List.of(NewMessage.plain("a"), NewMessage.plain("b")));
        store.deliveries().deliverStory(8, story, added.articleId(), List.of(NewMessage.plain("c")));

        ChatRepository.Forgotten forgotten = store.chats().forget(7);

        assertThat(forgotten).isEqualTo(new ChatRepository.Forgotten(true, 2, 1, 2));
        assertThat(store.chats().find(7)).isEmpty();
        assertThat(store.subscriptions().list(7)).isEmpty();
        assertThat(store.deliveries().isDelivered(7, story)).isFalse();
        assertThat(store.deliveries().ofChat(7)).isEmpty();
        assertThat(store.chats().find(8)).isPresent();
        assertThat(store.subscriptions().list(8)).hasSize(1);
        assertThat(store.deliveries().isDelivered(8, story)).isTrue();
        assertThat(store.deliveries().ofChat(8)).hasSize(1);
        assertThat(store.articles().count()).as("articles are not personal data").isEqualTo(1);

        assertThat(store.chats().forget(7)).isEqualTo(new ChatRepository.Forgotten(false, 0, 0, 0));
    }

    @Test
    void forgetIsAllOrNothing() {
        chat(7);
        store.subscriptions().add(7, "سوريا", null, 10);
        assertThatThrownBy(() -> store.transaction(() -> {
            store.chats().forget(7);
            throw new IllegalStateException("crash after forgetting");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.chats().find(7)).isPresent();
        assertThat(store.subscriptions().list(7)).hasSize(1);
    }

    @Test
    void aDigestIsDueAtTheChosenHourInTheChatsTimeZone() {
        // Damascus is UTC+3: 08:00 there is 05:00 UTC. Chat created 08:30 UTC on 10 November.
        store.chats().register(7, ChatKind.PRIVATE, null,
                ChatSettings.defaults("ar", DAMASCUS).withDigestHours(List.of(8, 20)));

        assertThat(store.chats().dueForDigest(Instant.parse("2026-11-10T16:59:00Z"))).isEmpty();
        List<DueDigest> due = store.chats().dueForDigest(Instant.parse("2026-11-10T17:00:00Z"));
        assertThat(due).hasSize(1);
        assertThat(due.get(0).slot()).isEqualTo(Instant.parse("2026-11-10T17:00:00Z"));
        assertThat(due.get(0).since()).as("before the first digest: since the chat was created").isEqualTo(START);

        Instant cut = Instant.parse("2026-11-10T17:00:05Z");
        assertThat(store.deliveries().enqueueDigest(7, due.get(0).slot(), cut, List.of(NewMessage.html("digest")))).isTrue();
        assertThat(store.chats().dueForDigest(Instant.parse("2026-11-10T23:00:00Z"))).isEmpty();

        List<DueDigest> nextMorning = store.chats().dueForDigest(Instant.parse("2026-11-11T05:10:00Z"));
        assertThat(nextMorning).singleElement().satisfies(d -> {
            assertThat(d.slot()).isEqualTo(Instant.parse("2026-11-11T05:00:00Z"));
            assertThat(d.since()).isEqualTo(cut);
        });
    }

    @Test
    void aBotDownOverSeveralDigestHoursOwesOneDigestForTheLatest() {
        store.chats().register(7, ChatKind.PRIVATE, null,
                ChatSettings.defaults("ar", ZoneId.of("UTC")).withDigestHours(List.of(9, 12, 18)));
        List<DueDigest> due = store.chats().dueForDigest(Instant.parse("2026-11-12T13:00:00Z"));
        assertThat(due).singleElement().extracting(DueDigest::slot).isEqualTo(Instant.parse("2026-11-12T12:00:00Z"));
    }

    @Test
    void pausedInactiveAndDigestlessChatsAreNeverDue() {
        ChatSettings daily = ChatSettings.defaults("ar", ZoneId.of("UTC")).withDigestHours(List.of(9));
        store.chats().register(1, ChatKind.PRIVATE, null, daily);
        store.chats().register(2, ChatKind.PRIVATE, null, daily);
        store.chats().register(3, ChatKind.PRIVATE, null, daily);
        store.chats().register(4, ChatKind.CHANNEL, null, daily.withDigestHours(List.of()));
        store.chats().setPaused(2, true);
        store.chats().deactivate(3, "chat not found");

        assertThat(store.chats().dueForDigest(START.plus(Duration.ofDays(1))))
                .extracting(d -> d.chat().id()).containsExactly(1L);
    }

    @Test
    void digestHoursFollowDaylightSavingTime() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 08:00 in New York is 12:00 UTC in summer (EDT) and 13:00 UTC in winter (EST)
        assertThat(ChatStore.latestSlot(ChatSettings.defaults("en", newYork).withDigestHours(List.of(8)),
                Instant.parse("2026-07-01T12:30:00Z"))).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        assertThat(ChatStore.latestSlot(ChatSettings.defaults("en", newYork).withDigestHours(List.of(8)),
                Instant.parse("2026-12-01T12:30:00Z"))).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
    }

    @Test
    void countsAndReceivingIds() {
        chat(1);
        chat(2);
        chat(3);
        store.chats().setPaused(2, true);
        assertThat(store.chats().counts()).isEqualTo(new ChatRepository.Counts(3, 2));
        assertThat(store.chats().receivingIds()).containsExactly(1L, 3L);
    }

    @Test
    void quietHoursAcrossMidnight() {
        QuietHours night = new QuietHours(23, 7);
        assertThat(night.contains(23)).isTrue();
        assertThat(night.contains(3)).isTrue();
        assertThat(night.contains(7)).isFalse();
        assertThat(new QuietHours(13, 15).contains(14)).isTrue();
        assertThat(new QuietHours(13, 15).contains(15)).isFalse();
        assertThatThrownBy(() -> new QuietHours(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
