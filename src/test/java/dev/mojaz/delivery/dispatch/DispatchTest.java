package dev.mojaz.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.DigestConfig;
import dev.mojaz.config.MatchConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.delivery.compose.NewsFormatter;
import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository.AddResult;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.QuietHours;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Texts;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SourceAudience;
import dev.mojaz.match.SubscriptionIndex;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.FakeClock;
import dev.mojaz.text.SimHash;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts, digests and the live subscriptions over a real SQLite store, without Telegram. */
@Tag("fast")
class DispatchTest {
    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
    private static final MatchConfig MATCH = new ConfigLoader(Map.of()).defaults().match();
    private static final DigestConfig DIGEST = new ConfigLoader(Map.of()).defaults().digest();

    @TempDir
    Path dir;
    private final FakeClock clock = FakeClock.at("2026-11-20T10:00:00Z");
    private SqlStorage store;
    private SubscriptionIndex live;
    private NewsFormatter formatter;
    private int articles;

    @BeforeEach
    void open() {
        store = SqlStorage.open(new StoreConfig("t.db", 30), dir, clock);
        live = new SubscriptionIndex(new MatchEngine(), new QueryParser(MATCH, List.of()), store.chats(),
                store.subscriptions());
        formatter = new NewsFormatter(Texts.load(), Language.AR, id -> "اسم " + id);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AlertDispatcher alerts(DigestConfig config) {
        return new AlertDispatcher(store, live, formatter, config, id -> "اسم " + id, clock);
    }

    private DigestScheduler digests(DigestConfig config) {
        return new DigestScheduler(store, live, () -> new QueryParser(MATCH, List.of()), formatter, config,
                id -> "اسم " + id, clock);
    }

    private Subscription subscribe(long chatId, String query, String source, ChatSettings settings) {
        store.chats().register(chatId, ChatKind.PRIVATE, "c", settings);
        Subscription subscription = store.subscriptions().add(chatId, query, source, 50).subscription();
        live.sync(chatId);
        return subscription;
    }

    private static ChatSettings settings() {
        return ChatSettings.defaults("ar", DAMASCUS).withDigestHours(List.of());
    }

    private AddResult store(String source, String title, String text, Instant published) {
        articles++;
        URI url = URI.create("https://" + source + ".example/" + articles);
        return store.articles().add(new Article(source, url, url, null, title, text, null, published, clock.instant(), "ar",
                List.of(text.split("\\. ")[0] + "."), SimHash.signature(text + articles)));
    }

    @Test
    void aFirstStartDoesNotAlertAboutWhatWasStoredBefore() {
        store("sana", "قديم", "خبر عن سوريا قبل أن يبدأ البوت.", clock.instant());
        subscribe(1, "سوريا", null, settings());
        AlertDispatcher alerts = alerts(DIGEST);
        assertThat(alerts.initialize()).isEqualTo(1);
        assertThat(alerts.dispatchNew()).isZero();

        store("sana", "جديد", "خبر جديد عن سوريا.", clock.instant());
        assertThat(alerts.dispatchNew()).isEqualTo(1);
        assertThat(alerts.dispatchNew()).isZero();
        assertThat(store.botState().getLong(AlertDispatcher.CURSOR)).hasValue(2);
    }

    @Test
    void onlyChatsThatReceiveAndWantAlertsGetThem() {
        AlertDispatcher alerts = alerts(DIGEST);
        alerts.initialize();
        subscribe(1, "سوريا", null, settings());
        subscribe(2, "سوريا", null, settings().withAlerts(false));
        subscribe(3, "سوريا", null, settings());
        store.chats().setPaused(3, true);
        subscribe(4, "لبنان", null, settings());
        store("sana", "عنوان", "خبر عن سوريا اليوم.", clock.instant());

        assertThat(alerts.dispatchNew()).isEqualTo(1);
        assertThat(store.deliveries().ofChat(1)).hasSize(1);
        assertThat(store.deliveries().ofChat(2)).isEmpty();
        assertThat(store.deliveries().ofChat(3)).isEmpty();
        assertThat(store.deliveries().ofChat(4)).isEmpty();
    }

    @Test
    void oldArticlesGoToDigestsOnlyAndReprocessingSendsNothingTwice() {
        AlertDispatcher alerts = alerts(DIGEST);
        alerts.initialize();
        subscribe(1, "سوريا", null, settings());
        store("sana", "قديم", "خبر قديم عن سوريا.", clock.instant().minus(Duration.ofDays(3)));
        store("sana", "حديث", "خبر حديث عن سوريا.", clock.instant());
        assertThat(alerts.dispatchNew()).isEqualTo(1);

        store.botState().putLong(AlertDispatcher.CURSOR, 0); // as if the position had been lost
        assertThat(alerts.dispatchNew()).isZero();
        assertThat(store.deliveries().ofChat(1)).hasSize(1);
    }

    @Test
    void oneAlertPerChatUnderItsOldestMatchingSubscription() {
        AlertDispatcher alerts = alerts(DIGEST);
        alerts.initialize();
        subscribe(1, "سوريا", null, settings());
        store.subscriptions().add(1, "دمشق", null, 50);
        live.sync(1);
        store("sana", "عنوان", "خبر من دمشق عن سوريا.", clock.instant());

        assertThat(alerts.dispatchNew()).isEqualTo(1);
        String text = store.deliveries().ofChat(1).get(0).message().text();
        assertThat(text).startsWith("🔔 <b>سوريا</b>");
    }

    @Test
    void aWholeSourceFollowedMatchesEveryArticleOfThatSourceOnly() {
        AlertDispatcher alerts = alerts(DIGEST);
        alerts.initialize();
        subscribe(1, "", "sana", settings());
        store("sana", "أي خبر", "نص لا يهم.", clock.instant());
        store("bbc", "خبر آخر", "نص لا يهم أيضا.", clock.instant());

        assertThat(alerts.dispatchNew()).isEqualTo(1);
        assertThat(store.deliveries().ofChat(1).get(0).message().text()).startsWith("🔔 <b>اسم sana</b>");
    }

    @Test
    void aStoredQueryThatNoLongerParsesIsSkippedAndTheRestStillMatch() {
        store.chats().register(1, ChatKind.PRIVATE, "c", settings());
        store.subscriptions().add(1, "(سوريا)", null, 50);
        store.subscriptions().add(1, "سوريا", null, 50);
        assertThat(live.loadAll()).isEqualTo(1);
        assertThat(live.size()).isEqualTo(1);
        Subscription good = store.subscriptions().list(1).get(1);
        store.subscriptions().remove(1, good.id());
        live.sync(1);
        assertThat(live.size()).isZero();
    }

    @Test
    void duringQuietHoursTheAlertWaitsForTheirEnd() {
        // 10:00 UTC is 13:00 in Damascus; quiet from 22 to 14 (across midnight) ends at 14:00 = 11:00 UTC.
        AlertDispatcher alerts = alerts(DIGEST);
        alerts.initialize();
        subscribe(1, "سوريا", null, settings().withQuietHours(new QuietHours(22, 14)));
        store("sana", "عنوان", "خبر عن سوريا.", clock.instant());
        alerts.dispatchNew();
        assertThat(store.deliveries().ofChat(1)).singleElement().extracting(OutboxMessage::nextAttempt)
                .isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        assertThat(QuietTime.heldUntil(settings().withQuietHours(new QuietHours(14, 16)), clock.instant())).isEmpty();
    }

    @Test
    void digestOnDemandCoversWhatMatchedSinceTheLastDigestAndMovesItOn() {
        subscribe(1, "سوريا", null, settings());
        clock.advance(Duration.ofMinutes(5));
        store("sana", "أول", "خبر عن سوريا.", clock.instant());
        store("sana", "لا يطابق", "خبر عن الطقس.", clock.instant());
        DigestScheduler digests = digests(DIGEST);

        assertThat(digests.enqueueNow(1)).isEqualTo(1);
        assertThat(store.deliveries().ofChat(1)).singleElement().satisfies(m ->
                assertThat(m.message().text()).contains("أول").doesNotContain("لا يطابق"));
        assertThat(store.chats().find(1).orElseThrow().lastDigest()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(5));
        assertThat(digests.enqueueNow(1)).as("nothing new since").isZero();
        assertThat(digests.enqueueNow(999)).as("unknown chat").isZero();
    }

    @Test
    void anEmptyDigestHourPassesSilentlyOrSaysSoWhenAskedTo() {
        store.chats().register(1, ChatKind.PRIVATE, "c", settings().withDigestHours(List.of(14)));
        store.chats().register(2, ChatKind.PRIVATE, "c", settings().withDigestHours(List.of(14)));
        clock.advanceTo(Instant.parse("2026-11-20T11:00:00Z")); // 14:00 in Damascus
        assertThat(digests(DIGEST).sendDue()).isEqualTo(2);
        assertThat(store.deliveries().ofChat(1)).isEmpty();
        assertThat(store.chats().find(1).orElseThrow().lastDigest()).isNotNull();

        DigestConfig sendEmpty = new DigestConfig(true, DIGEST.maxItems(), DIGEST.lookback(),
                DIGEST.maxArticlesScanned(), DIGEST.alertMaxAge(), DIGEST.interval());
        clock.advance(Duration.ofDays(1));
        assertThat(digests(sendEmpty).sendDue()).isEqualTo(2);
        assertThat(store.deliveries().ofChat(2)).singleElement().extracting(m -> m.message().text())
                .isEqualTo("لا جديد يطابق اشتراكاتك منذ نشرتك الأخيرة.");
        assertThat(digests(sendEmpty).sendDue()).as("once per digest hour").isZero();
    }

    @Test
    void aPersonalSourcesArticlesReachOnlyItsOwnerInAlertsAndInADigestAskedFor() {
        store.transaction(() -> {
            store.sources().upsert(new SourceConfig("my-blog", "مدونة", "ar", URI.create("https://blog.example/feed"),
                    null, null, null, true));
            store.chats().register(1, ChatKind.PRIVATE, "c", settings());
            store.personalSources().create("my-blog", "https://blog.example/feed", 1);
        });
        live = new SubscriptionIndex(new MatchEngine(), new QueryParser(MATCH, List.of()), store.chats(),
                store.subscriptions(), new SourceAudience(store.personalSources()::restricted));
        AlertDispatcher alerts = alerts(DIGEST);
        alerts.initialize();
        subscribe(1, "سوريا", null, settings());
        subscribe(2, "سوريا", null, settings());
        store("my-blog", "عنوان", "خبر عن سوريا في مدونة.", clock.instant());

        assertThat(alerts.dispatchNew()).isEqualTo(1);
        assertThat(store.deliveries().ofChat(1)).hasSize(1);
        assertThat(store.deliveries().ofChat(2)).isEmpty();
        assertThat(digests(DIGEST).enqueueNow(2)).as("/digest of someone who does not own it").isZero();
    }
}
