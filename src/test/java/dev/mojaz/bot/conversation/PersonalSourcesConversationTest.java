package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.config.PersonalSourcesConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.match.SubscriptionIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * People bring their own sources, through the real TelegramBots client against the fake Bot API: /add with a feed,
 * a page naming its feed, or a listing page; each failure answered; limits; one source for one feed however many
 * add it; its articles reach only its owners until an admin promotes it; /sources lists "yours" and "everyone's";
 * removing a source removes its follows; /forget and /block take personal sources with them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class PersonalSourcesConversationTest extends ConversationTestBase {
    private PageServer site;

    @BeforeEach
    void startSite() {
        site = new PageServer();
        site.raw("/weather/feed.xml", "application/rss+xml; charset=utf-8", feed("نشرة الطقس", 3));
        site.html("/weather/", "<html><head><title>نشرة الطقس</title><link rel=\"alternate\" type=\"application/rss+xml\""
                + " href=\"/weather/feed.xml\"></head><body><h1>نشرة الطقس</h1></body></html>");
        site.raw("/empty.xml", "application/rss+xml; charset=utf-8", feed("لا شيء", 0));
        site.html("/about", "<html><body><p>نحن موقع صغير.</p></body></html>");
        site.raw("/other.xml", "application/rss+xml; charset=utf-8", feed("مدونة أخرى", 1));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private byte[] feed(String title, int items) {
        List<Fixtures.Item> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            list.add(new Fixtures.Item("خبر " + i + " عن الطقس", site.url("/weather/" + i + ".html"), "w" + i, "نص"));
        }
        return Fixtures.rss(title, list).getBytes(StandardCharsets.UTF_8);
    }

    private String weatherId() {
        return bot.store.personalSources().all().get(0).sourceId();
    }

    private List<Long> hitChats(String sourceId) {
        return bot.live.match("الطقس غداً", "أمطار وثلوج في نشرة الطقس", sourceId).stream()
                .map(SubscriptionIndex.Hit::chatId).distinct().sorted().toList();
    }

    @Test
    void aFeedAddedIsFollowedAndItsArticlesReachOnlyItsOwner() {
        SentMessage added = ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/weather/feed.xml"));
        assertThat(added.visibleText()).isEqualTo(text(Language.AR, Msg.ADD_DONE, Map.of("name", "نشرة الطقس",
                "count", 3, "followed", "yes")));
        String id = weatherId();
        assertThat(bot.catalog.find(id)).map(SourceConfig::interval).hasValue(Duration.ofMinutes(30));
        assertThat(bot.store.subscriptions().list(LAYLA.id())).extracting(Subscription::sourceId).containsExactly(id);

        ask(JOHN_CHAT, JOHN, "/subscribe الطقس");
        assertThat(hitChats(id)).as("John's query matches, but the source is Layla's").containsExactly(LAYLA.id());
        assertThat(hitChats("bbc-arabic")).as("everyone's source reaches John").containsExactly(JOHN.id());
    }

    @Test
    void theSameFeedAddedByAnotherPersonThroughItsPageIsOneSourceWithTwoOwners() {
        ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/weather/feed.xml"));
        SentMessage added = ask(JOHN_CHAT, JOHN, "/add " + site.url("/weather/"));
        assertThat(added.visibleText()).startsWith("Added نشرة الطقس to your sources; it lists 3 articles now.");
        assertThat(bot.store.personalSources().all()).hasSize(1);
        assertThat(bot.catalog.all().stream().filter(s -> s.id().startsWith("my-")).count()).isEqualTo(1);
        assertThat(bot.store.personalSources().owners(weatherId())).containsExactly(LAYLA.id(), JOHN.id());
        assertThat(hitChats(weatherId())).containsExactly(LAYLA.id(), JOHN.id());
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/weather/feed.xml")).visibleText())
                .isEqualTo("نشرة الطقس is one of your sources already.");
    }

    @Test
    void addingFromTheSourcesScreenAsksForTheLink() {
        SentMessage sources = ask(JOHN_CHAT, JOHN, "/sources");
        assertThat(sources.buttonData()).contains("my:a");
        int before = server.sentTo(JOHN.id()).size();
        press(JOHN_CHAT, JOHN, sources, "my:a");
        assertThat(server.awaitSentTo(JOHN.id(), before + 1).get(before).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_ASK));
        assertThat(ask(JOHN_CHAT, JOHN, site.url("/weather/")).visibleText()).startsWith("Added نشرة الطقس");
        assertThat(bot.store.personalSources().ownedBy(JOHN.id())).hasSize(1);
    }

    @Test
    void eachFailureHasItsOwnAnswerAndNothingIsSaved() throws Exception {
        assertThat(ask(JOHN_CHAT, JOHN, "/add not-a-link").visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_BAD_LINK, Map.of("text", "not-a-link")));
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/nowhere")).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_NOT_FOUND, Map.of("url", site.url("/nowhere"))));
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/empty.xml")).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_EMPTY, Map.of("url", site.url("/empty.xml"))));
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/about")).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_NOTHING, Map.of("url", site.url("/about"))));
        assertThat(bot.store.personalSources().all()).isEmpty();

        // links people send never reach a private network: with the standard guard, the local site is one
        ConversationHarness.Options guarded = new ConversationHarness.Options();
        guarded.allowPrivateAddresses = false;
        restart(guarded);
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/weather/feed.xml")).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_PRIVATE_ADDRESS, Map.of("url", site.url("/weather/feed.xml"))));
        assertThat(bot.store.personalSources().all()).isEmpty();
    }

    @Test
    void theLimitsComeFromTheConfiguration() throws Exception {
        ConversationHarness.Options options = new ConversationHarness.Options();
        options.personalSources = new PersonalSourcesConfig(1, 1, Duration.ofHours(1));
        restart(options);
        ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/weather/feed.xml"));
        assertThat(bot.catalog.find(weatherId())).map(SourceConfig::interval).hasValue(Duration.ofHours(1));
        assertThat(ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/other.xml")).visibleText())
                .isEqualTo(text(Language.AR, Msg.ADD_LIMIT, Map.of("max", 1)));
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/other.xml")).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_FULL));
        // joining a source that is already polled adds nothing to poll, so the total does not stand in the way
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/weather/feed.xml")).visibleText()).startsWith("Added");
    }

    @Test
    void sourcesListsYoursAndEveryonesAndRemovingTheLastOwnersCopyRemovesTheSourceAndItsFollows() {
        ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/weather/feed.xml"));
        String id = weatherId();
        SentMessage sources = ask(LAYLA_CHAT, LAYLA, "/sources");
        assertThat(sources.visibleText()).startsWith(text(Language.AR, Msg.SOURCES_YOURS_HEADER, Map.of("count", 1)))
                .contains("نشرة الطقس (" + id + ")").contains(text(Language.AR, Msg.SOURCES_HEADER, Map.of("count", 8)));
        assertThat(sources.buttonData()).contains("src:f:0:" + id, "src:r:0:" + id, "src:f:0:bbc-arabic");
        assertThat(ask(JOHN_CHAT, JOHN, "/sources").visibleText()).doesNotContain("نشرة الطقس");

        assertThat(press(LAYLA_CHAT, LAYLA, sources, "src:r:0:" + id)).isEqualTo(plain(Language.AR, Msg.ANSWER_REMOVED));
        assertThat(currentText(sources)).doesNotContain("نشرة الطقس");
        assertThat(bot.catalog.find(id)).isEmpty();
        assertThat(bot.store.personalSources().all()).isEmpty();
        assertThat(bot.store.subscriptions().list(LAYLA.id())).isEmpty();
        assertThat(bot.live.size()).isZero();
    }

    @Test
    void forgettingTheOnlyOwnerRemovesTheSourceAndAnotherOwnerKeepsIt() {
        ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/weather/feed.xml"));
        ask(JOHN_CHAT, JOHN, "/add " + site.url("/other.xml"));
        ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/other.xml"));
        SentMessage confirm = ask(LAYLA_CHAT, LAYLA, "/forget");
        press(LAYLA_CHAT, LAYLA, confirm, "forget:yes");
        assertThat(bot.store.personalSources().all()).extracting(p -> bot.catalog.find(p.sourceId()).orElseThrow().name())
                .containsExactly("مدونة أخرى");
        assertThat(bot.store.personalSources().owners(bot.store.personalSources().all().get(0).sourceId()))
                .containsExactly(JOHN.id());
    }

    @Test
    void anAdminSeesPersonalSourcesPromotesOneAndBlocksADomain() {
        ask(LAYLA_CHAT, LAYLA, "/add " + site.url("/weather/feed.xml"));
        String id = weatherId();
        ask(JOHN_CHAT, JOHN, "/subscribe الطقس");
        SentMessage stats = ask(ADMIN_CHAT, ADMIN, "/stats");
        assertThat(stats.visibleText()).contains("Personal sources: 1 of 500 allowed, owned by one person; blocked"
                + " domains: 0").contains("• نشرة الطقس (" + id + ") · personal, owned by one person:");

        assertThat(ask(JOHN_CHAT, JOHN, "/promote " + id).visibleText()).isEqualTo(text(Language.EN, Msg.ADMIN_NOT_ALLOWED));
        assertThat(ask(ADMIN_CHAT, ADMIN, "/promote " + id).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADMIN_PROMOTE_DONE, Map.of("id", id, "name", "نشرة الطقس")));
        assertThat(hitChats(id)).as("promoted: everyone's subscriptions").containsExactly(LAYLA.id(), JOHN.id());
        assertThat(ask(JOHN_CHAT, JOHN, "/sources").visibleText()).as("listed with everyone's, on the second page")
                .startsWith(text(Language.EN, Msg.SOURCES_HEADER, Map.of("count", 9)));

        ask(JOHN_CHAT, JOHN, "/add " + site.url("/other.xml"));
        SentMessage blocked = ask(ADMIN_CHAT, ADMIN, "/block 127.0.0.1");
        assertThat(blocked.visibleText()).isEqualTo(text(Language.EN, Msg.ADMIN_BLOCK_DONE,
                Map.of("domain", "127.0.0.1", "count", 1)));
        assertThat(bot.store.personalSources().all()).extracting(p -> p.sourceId()).containsExactly(id);
        assertThat(ask(JOHN_CHAT, JOHN, "/add " + site.url("/other.xml")).visibleText())
                .isEqualTo(text(Language.EN, Msg.ADD_BLOCKED, Map.of("host", "127.0.0.1")));
    }

    @Test
    void removingAConfiguredSourceRemovesItsWholeSourceFollows() {
        SentMessage sources = ask(JOHN_CHAT, JOHN, "/sources");
        press(JOHN_CHAT, JOHN, sources, "src:f:0:sana");
        ask(JOHN_CHAT, JOHN, "/subscribe سوريا");
        assertThat(bot.store.subscriptions().list(JOHN.id())).hasSize(2);

        SentMessage confirm = ask(ADMIN_CHAT, ADMIN, "/removesource sana");
        press(ADMIN_CHAT, ADMIN, confirm, "rms:y:sana");
        assertThat(bot.store.subscriptions().list(JOHN.id())).extracting(Subscription::query).containsExactly("سوريا");
        assertThat(bot.live.match("", "سوريا", "sana")).extracting(SubscriptionIndex.Hit::query).containsExactly("سوريا");
    }
}
