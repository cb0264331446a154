package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.app.ConsoleSession;
import dev.mojaz.app.SampleSite;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.QuietHours;
import dev.mojaz.domain.Subscription;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every flow of /help and /settings, completed in the console as a person types it: commands, and buttons pressed by
 * their number or their label (handed to the bot as button presses, as Telegram hands them). Each test checks what
 * the store holds afterwards, not only what was printed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class ConsoleFlowsTest {
    private static final Texts TEXTS = Texts.load();

    @TempDir
    Path dir;
    private ConsoleRig console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private ConsoleRig open(String language) {
        console = new ConsoleRig(dir, language);
        return console;
    }

    private static String label(Language language, Msg msg) {
        return TEXTS.plain(language, msg);
    }

    private static String text(Language language, Msg msg) {
        return TEXTS.html(language, msg).visibleText();
    }

    private ChatSettings settings() {
        return console.chat().settings();
    }

    private List<Subscription> subscriptions() {
        return console.store().subscriptions().list(ConsoleSession.PERSON_ID);
    }

    /** The number a button is shown with in {@code printed}: {@code [3] label}. */
    private static String number(String printed, String label) {
        Matcher m = Pattern.compile("\\[(\\d+)] " + Pattern.quote(label) + "(?=  |\\n)").matcher(printed);
        assertThat(m.find()).as("a button '%s' in:%n%s", label, printed).isTrue();
        return m.group(1);
    }

    // ---- buttons ------------------------------------------------------------------------------------------------

    @Test
    void buttonsAreNumberedAndPressedByNumberOrByLabel() throws Exception {
        open("ar");
        String asked = console.type("/lang");
        assertThat(asked).contains("[1] " + label(Language.AR, Msg.BUTTON_LANG_AR) + "  [2] "
                + label(Language.AR, Msg.BUTTON_LANG_EN));

        assertThat(console.type("2")).contains(text(Language.EN, Msg.LANG_DONE));
        assertThat(settings().language()).isEqualTo("en");

        console.type("/lang");
        assertThat(console.type(label(Language.AR, Msg.BUTTON_LANG_AR))).contains(text(Language.AR, Msg.LANG_DONE));
        assertThat(settings().language()).isEqualTo("ar");
    }

    @Test
    void aNumberWithNoButtonBehindItIsAnOrdinaryMessage() throws Exception {
        open("en");
        console.type("/lang");
        assertThat(console.type("7")).contains(text(Language.EN, Msg.UNKNOWN_TEXT));
    }

    // ---- /settings ----------------------------------------------------------------------------------------------

    @Test
    void settingsDigestHours() throws Exception {
        open("ar");
        String menu = console.type("/settings");
        String hours = console.type(number(menu, label(Language.AR, Msg.BUTTON_SETTINGS_HOURS)));
        console.type(number(hours, "18:00"));
        String after = console.type(number(hours, "✓ 08:00")); // the default hour, taken off
        assertThat(after).contains("✓ 18:00").doesNotContain("✓ 08:00");
        assertThat(settings().digestHours()).containsExactly(18);
        assertThat(console.type(number(after, label(Language.AR, Msg.BUTTON_BACK))))
                .contains(text(Language.AR, Msg.SETTINGS_MENU).split("\n")[0]);
    }

    @Test
    void settingsTimeZonePressedByItsName() throws Exception {
        open("ar");
        String menu = console.type("/settings");
        console.type(number(menu, label(Language.AR, Msg.BUTTON_SETTINGS_TIMEZONE)));
        console.type(TEXTS.zoneName(Language.AR, "Africa/Cairo"));
        assertThat(settings().timeZone()).isEqualTo(ZoneId.of("Africa/Cairo"));
    }

    @Test
    void settingsSummaryLength() throws Exception {
        open("en");
        String menu = console.type("/settings");
        String lengths = console.type(number(menu, label(Language.EN, Msg.BUTTON_SETTINGS_LENGTH)));
        console.type(number(lengths, label(Language.EN, Msg.BUTTON_LENGTH_LONG)));
        assertThat(settings().summarySentences()).isEqualTo(5);
    }

    @Test
    void settingsAlertsAndPreviewsToggle() throws Exception {
        open("en");
        String menu = console.type("/settings");
        String changed = console.type(number(menu, label(Language.EN, Msg.BUTTON_SETTINGS_ALERTS_ON)));
        assertThat(settings().alerts()).isFalse();
        console.type(number(changed, label(Language.EN, Msg.BUTTON_SETTINGS_PREVIEWS_OFF)));
        assertThat(settings().linkPreviews()).isTrue();
    }

    @Test
    void settingsQuietHoursOnAndOff() throws Exception {
        open("ar");
        String menu = console.type("/settings");
        String quiet = console.type(number(menu, label(Language.AR, Msg.BUTTON_SETTINGS_QUIET)));
        console.type(number(quiet, TEXTS.plain(Language.AR, Msg.BUTTON_QUIET_RANGE, Map.of("from", "22:00", "to", "07:00"))));
        assertThat(settings().quietHours()).isEqualTo(new QuietHours(22, 7));

        String again = console.type("/settings");
        String offered = console.type(number(again, label(Language.AR, Msg.BUTTON_SETTINGS_QUIET)));
        console.type(number(offered, label(Language.AR, Msg.BUTTON_QUIET_OFF)));
        assertThat(settings().quietHours()).isNull();
    }

    @Test
    void settingsLanguageThenClose() throws Exception {
        open("ar");
        String menu = console.type("/settings");
        String languages = console.type(number(menu, label(Language.AR, Msg.BUTTON_SETTINGS_LANGUAGE)));
        String english = console.type(number(languages, label(Language.AR, Msg.BUTTON_LANG_EN)));
        assertThat(settings().language()).isEqualTo("en");
        String closed = console.type(number(english, label(Language.EN, Msg.BUTTON_CLOSE)));
        assertThat(closed).doesNotContain("[1]");
        assertThat(console.type("1")).as("no keyboard left to press").contains(text(Language.EN, Msg.UNKNOWN_TEXT));
    }

    // ---- subscriptions ------------------------------------------------------------------------------------------

    @Test
    void subscribeWithWordsThenList() throws Exception {
        open("ar");
        console.type("/subscribe روسيا أو موسكو");
        assertThat(subscriptions()).extracting(Subscription::query).hasSize(1);
        assertThat(console.type("/list")).contains("روسيا").contains("موسكو");
    }

    @Test
    void subscribeGuidedByASuggestedTopicButton() throws Exception {
        open("ar");
        String asked = console.type("/subscribe");
        assertThat(asked).contains("[1] ");
        console.type("1");
        assertThat(subscriptions()).hasSize(1);
    }

    @Test
    void subscribeGuidedByTypingTheWords() throws Exception {
        open("ar");
        console.type("/subscribe");
        console.type("لافروف");
        assertThat(subscriptions()).extracting(Subscription::query).containsExactly("لافروف");
    }

    @Test
    void subscribeGuidedCancelled() throws Exception {
        open("en");
        String asked = console.type("/subscribe");
        assertThat(console.type(number(asked, label(Language.EN, Msg.BUTTON_CANCEL))))
                .contains(text(Language.EN, Msg.SUBSCRIBE_CANCELLED));
        assertThat(console.type("لافروف")).as("the question is closed").doesNotContain("لافروف");
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void anEnglishReaderIsOfferedTheArabicFormOfAPlaceAndTheTopicsByName() throws Exception {
        open("en");
        assertThat(console.type("/subscribe Syria")).contains("Subscribed to Syria («Syria = سوريا»)");
        String asked = console.type("/subscribe Saudi Arabia");
        assertThat(asked).contains("publish in Arabic").contains("In Arabic: السعودية");
        console.type(number(asked, "Follow “السعودية”"));
        assertThat(subscriptions()).extracting(Subscription::query).containsExactly("Syria", "السعودية");

        String topics = console.type("/subscribe");
        console.type("Economy");
        assertThat(topics).contains("] Iraq").contains("] Economy");
        assertThat(subscriptions()).extracting(Subscription::query).containsExactly("Syria", "السعودية", "اقتصاد");
    }

    @Test
    void anArabicReaderReadsAlternativesInArabic() throws Exception {
        open("ar");
        assertThat(console.type("/subscribe روسيا OR موسكو")).contains("روسيا أو موسكو").doesNotContain("OR");
        assertThat(console.type("/list")).contains("روسيا أو موسكو");
    }

    @Test
    void unsubscribeOneByButtonThenAll() throws Exception {
        open("ar");
        console.type("/subscribe سوريا");
        console.type("/subscribe لبنان");
        console.type("/subscribe مصر");
        String keyboard = console.type("/unsubscribe");
        String after = console.type(number(keyboard, TEXTS.plain(Language.AR, Msg.BUTTON_REMOVE, Map.of("query", "لبنان"))));
        assertThat(subscriptions()).extracting(Subscription::query).containsExactly("سوريا", "مصر");
        console.type(number(after, label(Language.AR, Msg.BUTTON_UNSUBSCRIBE_ALL)));
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void followAndUnfollowAWholeSourceFromSources() throws Exception {
        open("ar");
        String page = console.type("/sources");
        String follow = TEXTS.plain(Language.AR, Msg.BUTTON_FOLLOW_SOURCE, Map.of("name", SampleSite.SOURCE_NAME));
        String followed = console.type(number(page, follow));
        assertThat(subscriptions()).extracting(Subscription::sourceId).containsExactly(SampleSite.SOURCE_ID);
        console.type(number(followed, TEXTS.plain(Language.AR, Msg.BUTTON_UNFOLLOW_SOURCE,
                Map.of("name", SampleSite.SOURCE_NAME))));
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void digestNowHoldsWhatMatched() throws Exception {
        open("ar");
        console.type("/subscribe واشنطن");
        console.type("/help");
        console.type("/list");
        String digest = console.type("/digest");
        assertThat(digest).contains("واشنطن");
    }

    @Test
    void summaryOfALinkFromAnAlert() throws Exception {
        open("ar");
        console.type("/subscribe روسيا");
        String alerts = console.type("/list");
        Matcher link = Pattern.compile("\\((http://127\\.0\\.0\\.1:\\d+/articles/[^)]+\\.html)\\)").matcher(alerts);
        assertThat(link.find()).as(alerts).isTrue();
        String sentence = "جدد وزير الخارجية الروسي سيرغي لافروف موقف بلاده";
        assertThat(console.type("/summary " + link.group(1))).contains(link.group(1)).contains(sentence);
        assertThat(console.type(link.group(1))).as("a bare link is summarised too").contains(sentence);
    }

    @Test
    void stopThenStartAgain() throws Exception {
        open("ar");
        console.type("/start");
        console.type("/stop");
        assertThat(console.chat().paused()).isTrue();
        assertThat(console.type("/start")).contains(TEXTS.html(Language.AR, Msg.START_WELCOME_BACK,
                Map.of("name", "ضيف")).visibleText());
        assertThat(console.chat().paused()).isFalse();
    }

    @Test
    void forgetAskedThenKeptThenErased() throws Exception {
        open("ar");
        console.type("/subscribe سوريا");
        String asked = console.type("/forget");
        assertThat(console.type(number(asked, label(Language.AR, Msg.BUTTON_FORGET_NO))))
                .contains(text(Language.AR, Msg.FORGET_CANCELLED));
        assertThat(subscriptions()).hasSize(1);
        String again = console.type("/forget");
        assertThat(console.type(number(again, label(Language.AR, Msg.BUTTON_FORGET_YES))))
                .contains(text(Language.AR, Msg.FORGET_DONE));
        assertThat(console.store().chats().find(ConsoleSession.PERSON_ID)).isEmpty();
        assertThat(subscriptions()).isEmpty();
    }

    // ---- one's own sources ----------------------------------------------------------------------------------------

    @Test
    void addAFeedOfOneOwnByItsSitesPageAndItsNewsArrives() throws Exception {
        open("ar");
        String added = console.type("/add " + console.console().site().weatherHome());
        assertThat(added).contains(SampleSite.WEATHER_NAME).contains("🔔 " + SampleSite.WEATHER_NAME)
                .contains("أمطار غزيرة متوقعة");
        List<String> owned = console.store().personalSources().ownedBy(ConsoleSession.PERSON_ID);
        assertThat(owned).hasSize(1);
        assertThat(subscriptions()).extracting(Subscription::sourceId).containsExactly(owned.get(0));

        String sources = console.type("/sources");
        assertThat(sources).contains(TEXTS.html(Language.AR, Msg.SOURCES_YOURS_HEADER, Map.of("count", 1)).visibleText());
        console.type(number(sources, TEXTS.plain(Language.AR, Msg.BUTTON_REMOVE_OWN_SOURCE,
                Map.of("name", SampleSite.WEATHER_NAME))));
        assertThat(console.store().personalSources().all()).isEmpty();
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void addFromTheSourcesScreenThenTheLink() throws Exception {
        open("en");
        String sources = console.type("/sources");
        assertThat(console.type(number(sources, label(Language.EN, Msg.BUTTON_ADD_SOURCE))))
                .contains(text(Language.EN, Msg.ADD_ASK));
        assertThat(console.type(console.console().site().weatherFeed().toString())).contains("Added");
        assertThat(console.store().personalSources().ownedBy(ConsoleSession.PERSON_ID)).hasSize(1);
    }

    @Test
    void aLinkThatIsNoSourceIsAnsweredAndNothingSaved() throws Exception {
        open("en");
        String link = console.console().site().feedUrl().resolve("/nothing-here").toString();
        assertThat(console.type("/add " + link)).contains(TEXTS.html(Language.EN, Msg.ADD_NOT_FOUND,
                Map.of("url", link)).visibleText());
        assertThat(console.type("/add https://10.0.0.1/feed")).contains("private or local network");
        assertThat(console.store().personalSources().all()).isEmpty();
    }

    // ---- admin flows (the console person is the bot's admin) ----------------------------------------------------

    @Test
    void promoteAPersonalSourceThenBlockADomain() throws Exception {
        open("en");
        console.type("/add " + console.console().site().weatherHome());
        String id = console.store().personalSources().all().get(0).sourceId();
        assertThat(console.type("/stats")).contains("Personal sources: 1 of 500 allowed");
        assertThat(console.type("/promote " + id)).contains("is now one of everyone's sources");
        assertThat(console.store().personalSources().restricted()).isEmpty();
        assertThat(console.type("/block spam.example")).contains("spam.example is blocked");
        assertThat(console.type("/add https://news.spam.example/feed")).contains("are not accepted");
    }

    @Test
    void addSourceThenRemoveItWithTheConfirmation() throws Exception {
        open("en");
        String feed = console.console().site().weatherFeed().toString();
        console.type("/addsource weather " + feed + " " + SampleSite.WEATHER_NAME);
        assertThat(console.console().pipeline().catalog().find("weather")).map(SourceConfig::enabled).hasValue(true);

        String asked = console.type("/removesource weather");
        console.type(number(asked, label(Language.EN, Msg.BUTTON_REMOVESOURCE)));
        assertThat(console.console().pipeline().catalog().find("weather")).isEmpty();
    }

    @Test
    void importOpmlFromALinkThenExportIt() throws Exception {
        open("en");
        String imported = console.type("/importopml " + console.console().site().opml());
        assertThat(imported).contains("one source");
        assertThat(console.console().pipeline().catalog().all()).hasSize(2);
        assertThat(console.type("/exportopml")).contains(console.console().site().weatherFeed().toString());
    }

    @Test
    void statsShowTheQueueAndEachSource() throws Exception {
        open("en");
        console.type("/start");
        String stats = console.type("/stats");
        assertThat(stats).contains(SampleSite.SOURCE_NAME + " (" + SampleSite.SOURCE_ID + ")");
    }

    @Test
    void broadcastAskedThenSent() throws Exception {
        open("en");
        console.type("/start");
        String asked = console.type("/broadcast Hello, everyone");
        String sent = console.type(number(asked, label(Language.EN, Msg.BUTTON_BROADCAST_SEND)));
        assertThat(sent).contains("Hello, everyone");
    }

    // ---- a newcomer's whole visit -------------------------------------------------------------------------------

    /**
     * A newcomer whose Telegram is in Arabic changes the language, the digest hour and the time zone, subscribes and
     * unsubscribes by button, adds their own feed, then erases their data: all by typing, buttons by number.
     */
    @Test
    void aNewcomerChangesLanguageHourAndZoneUnsubscribesByButtonAddsAFeedAndIsForgotten() throws Exception {
        open("ar");
        assertThat(console.type("/start")).contains("أهلاً ضيف!");
        console.type("/lang");
        assertThat(console.type("2")).contains("From now on I will speak English.");

        String menu = console.type("/settings");
        String hours = console.type(number(menu, "Digest hours"));
        console.type(number(hours, "19:00"));
        String changed = console.type(number(hours, "✓ 08:00"));
        String back = console.type(number(changed, "« Back"));
        console.type(number(back, "Time zone"));
        assertThat(console.type("Cairo")).contains("Time zone set to Cairo.");
        assertThat(settings().digestHours()).containsExactly(19);
        assertThat(settings().timeZone()).isEqualTo(ZoneId.of("Africa/Cairo"));
        assertThat(settings().language()).isEqualTo("en");

        console.type("/subscribe سوريا");
        String unsubscribe = console.type("/unsubscribe");
        assertThat(console.type(number(unsubscribe, "✕ سوريا"))).contains("Removed");
        assertThat(subscriptions()).isEmpty();

        assertThat(console.type("/add " + console.console().site().weatherHome())).contains("Added")
                .as("its news arrives at once, long after the samples ran out").contains("🔔 " + SampleSite.WEATHER_NAME);
        assertThat(console.store().personalSources().all()).hasSize(1);

        String asked = console.type("/forget");
        assertThat(console.type(number(asked, "Yes, erase everything"))).contains("Done: everything I kept about you is erased.");
        assertThat(console.store().chats().find(ConsoleSession.PERSON_ID)).isEmpty();
        assertThat(console.store().personalSources().all()).as("a source no one owns goes too").isEmpty();
        assertThat(console.console().pipeline().catalog().all()).extracting(SourceConfig::id)
                .containsExactly(SampleSite.SOURCE_ID);
    }

    // ---- the session itself -------------------------------------------------------------------------------------

    @Test
    void aResumedSessionIsHeardFromItsFirstLine() throws Exception {
        open("ar");
        console.type("/start");
        console.type("/subscribe سوريا");
        console.close();
        console = null;

        open("ar");
        assertThat(console.type("/list")).contains("سوريا");
        assertThat(console.type("/help")).contains(text(Language.AR, Msg.HELP_TEXT).split("\n")[0]);
    }

    @Test
    void afterTheLastSampleThePersonIsToldNoMoreNewsArrivesOnce() throws Exception {
        open("en");
        for (int i = 1; i < 5; i++) {
            console.type("/help");
        }
        assertThat(console.notes()).doesNotContain("last of the");
        console.type("/help");
        assertThat(console.notes()).contains("that was the last of the 5 sample articles");
        console.type("/help");
        assertThat(console.notes()).isEmpty();
    }
}
