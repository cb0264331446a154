package dev.mojaz.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.bot.command.CommandMenu;
import dev.mojaz.bot.fake.FakeHtml;
import dev.mojaz.delivery.compose.MessageSplitter;
import dev.mojaz.html.Html;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TextsTest {
    private static final Texts TEXTS = Texts.load();

    /** The time zones /settings offers by default (bot.time-zones in defaults.yaml): each needs a name. */
    private static final Set<String> OFFERED_ZONES = Set.of("Asia/Damascus", "Asia/Beirut", "Asia/Amman",
            "Asia/Baghdad", "Asia/Riyadh", "Asia/Kuwait", "Asia/Qatar", "Asia/Dubai", "Asia/Muscat", "Asia/Aden",
            "Africa/Cairo", "Africa/Khartoum", "Africa/Tripoli", "Africa/Tunis", "Africa/Algiers", "Africa/Casablanca",
            "Europe/Istanbul", "Europe/Berlin", "Europe/London", "UTC");

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        // topic.<query> names a suggested topic for readers of another language than the sources': English only
        assertThat(TEXTS.keys(Language.EN).stream().filter(k -> !k.startsWith("topic.")).collect(Collectors.toSet()))
                .isEqualTo(TEXTS.keys(Language.AR));
    }

    @Test
    void everyKeyInTheBundlesIsNamedInCodeAndEveryNameHasAText() {
        Set<String> fixed = TEXTS.keys(Language.AR).stream()
                .filter(k -> !k.startsWith("command.") && !k.startsWith("zone.") && !k.startsWith("topic."))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> named = Arrays.stream(Msg.values()).map(Msg::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(named).isEqualTo(fixed);
    }

    @Test
    void everyCommandHasAMenuEntryInBothLanguagesAndNoOtherEntryExists() {
        Set<String> described = TEXTS.keys(Language.AR).stream().filter(k -> k.startsWith("command."))
                .map(k -> k.substring("command.".length())).collect(Collectors.toSet());
        assertThat(described).isEqualTo(Arrays.stream(BotCommand.values()).map(BotCommand::command).collect(Collectors.toSet()));
        CommandMenu menu = new CommandMenu(TEXTS);
        for (Language language : Language.values()) {
            assertThat(menu.forEveryone(language)).hasSize(BotCommand.forEveryone().size())
                    .allMatch(e -> e.command().matches("[a-z0-9_]{1,32}"));
            assertThat(menu.forAdmins(language)).hasSize(BotCommand.values().length);
        }
    }

    @Test
    void everyOfferedTimeZoneHasANameInBothLanguages() {
        for (String zone : OFFERED_ZONES) {
            assertThat(TEXTS.zoneName(Language.AR, zone)).as(zone).isNotEqualTo(zone).isNotBlank();
            assertThat(TEXTS.zoneName(Language.EN, zone)).as(zone).isNotBlank();
            assertThat(java.time.ZoneId.of(zone)).isNotNull();
        }
        assertThat(TEXTS.zoneName(Language.AR, "Asia/Damascus")).isEqualTo("دمشق");
        assertThat(TEXTS.zoneName(Language.EN, "Pacific/Nowhere")).isEqualTo("Pacific/Nowhere");
    }

    @Test
    void bothLanguagesTakeTheSameArguments() {
        for (String key : TEXTS.keys(Language.AR)) {
            Set<String> ar = new MessageFormat(TEXTS.raw(Language.AR, key), Language.AR.locale()).getArgumentNames();
            Set<String> en = new MessageFormat(TEXTS.raw(Language.EN, key), Language.EN.locale()).getArgumentNames();
            assertThat(ar).as(key).isEqualTo(en);
        }
    }

    @Test
    void everyTemplateRendersToTelegramHtmlThatFitsAMessage() throws Exception {
        for (Msg msg : Msg.values()) {
            for (Language language : Language.values()) {
                Map<String, Object> arguments = sampleArguments(language, msg.key(), msg.isPlain());
                if (msg.isPlain()) {
                    String text = TEXTS.plain(language, msg, arguments);
                    assertThat(text).as(msg.key()).isNotBlank().doesNotContain("<", "&", "{");
                    if (msg.key().startsWith("answer.")) {
                        assertThat(text.length()).as(msg.key()).isLessThanOrEqualTo(200);
                    }
                } else {
                    Html html = TEXTS.html(language, msg, arguments);
                    String visible = FakeHtml.parse(html.markup());
                    assertThat(visible).as("%s in %s", msg.key(), language).isNotBlank().doesNotContain("{", "}");
                    assertThat(html.visibleLength()).isLessThanOrEqualTo(MessageSplitter.MESSAGE_LIMIT);
                }
            }
        }
    }

    @Test
    void argumentsAreEscapedButHtmlArgumentsAreKept() {
        Html html = TEXTS.html(Language.EN, Msg.SUBSCRIBE_EXISTS, Map.of("query", "<b>x</b> & \"y\""));
        assertThat(html.markup()).isEqualTo("You are already subscribed to <b>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;</b>.");
        Html link = Html.link("https://news.example/1", "عنوان");
        Html item = TEXTS.html(Language.AR, Msg.ALERT_ITEM, Map.of("query", "سوريا", "link", link,
                "summary", "جملة أولى. جملة ثانية.", "source", "سانا"));
        assertThat(item.markup()).contains("<b><a href=\"https://news.example/1\">عنوان</a></b>");
    }

    @Test
    void arabicPluralsTakeTheirSixForms() {
        Map<Integer, String> expected = Map.of(
                1, "لديك اشتراك واحد.",
                2, "لديك اشتراكان.",
                3, "لديك 3 اشتراكات.",
                11, "لديك 11 اشتراكاً.",
                100, "لديك 100 اشتراك.");
        expected.forEach((count, sentence) -> assertThat(
                TEXTS.html(Language.AR, Msg.SUBSCRIBE_DONE, Map.of("query", "سوريا", "count", count)).visibleText())
                .as("count %d", count).contains(sentence));
        assertThat(TEXTS.html(Language.AR, Msg.UNSUBSCRIBE_DONE, Map.of("query", "سوريا", "count", 0)).visibleText())
                .endsWith("لم يبقَ لديك أي اشتراك.");
        assertThat(TEXTS.html(Language.EN, Msg.SUBSCRIBE_DONE, Map.of("query", "Syria", "count", 1)).visibleText())
                .contains("You have one subscription.");
        assertThat(TEXTS.html(Language.EN, Msg.SUBSCRIBE_DONE, Map.of("query", "Syria", "count", 12)).visibleText())
                .contains("You have 12 subscriptions.");
    }

    @Test
    void plainAndHtmlTextsCannotBeMixedUp() {
        assertThatThrownBy(() -> TEXTS.html(Language.AR, Msg.BUTTON_CANCEL)).hasMessageContaining("plain");
        assertThatThrownBy(() -> TEXTS.plain(Language.AR, Msg.HELP_TEXT)).hasMessageContaining("HTML");
    }

    @Test
    void theLanguageFollowsTelegramsLanguageCode() {
        assertThat(Language.fromTelegramCode("ar", Language.EN)).isEqualTo(Language.AR);
        assertThat(Language.fromTelegramCode("ar-SA", Language.EN)).isEqualTo(Language.AR);
        assertThat(Language.fromTelegramCode("AR_eg", Language.EN)).isEqualTo(Language.AR);
        assertThat(Language.fromTelegramCode("en", Language.AR)).isEqualTo(Language.EN);
        assertThat(Language.fromTelegramCode("fr", Language.AR)).isEqualTo(Language.EN);
        assertThat(Language.fromTelegramCode("arn", Language.AR)).as("Mapudungun is not Arabic").isEqualTo(Language.EN);
        assertThat(Language.fromTelegramCode("", Language.AR)).isEqualTo(Language.AR);
        assertThat(Language.fromTelegramCode(null, Language.EN)).isEqualTo(Language.EN);
    }

    @Test
    void aChosenLanguageWinsOverTelegrams() {
        LanguagePreferences preferences = new MemoryLanguagePreferences();
        LanguageResolver resolver = new LanguageResolver(preferences, Language.AR);
        assertThat(resolver.forChat(9, "en")).isEqualTo(Language.EN);
        preferences.choose(9, Language.AR);
        assertThat(resolver.forChat(9, "en")).isEqualTo(Language.AR);
        assertThat(resolver.forChat(10, "")).isEqualTo(Language.AR);
    }

    /** Plausible values for every argument a template names, with markup-looking text to test the escaping. */
    private static Map<String, Object> sampleArguments(Language language, String key, boolean plain) {
        Map<String, Object> arguments = new HashMap<>();
        // every argument, also those inside a plural or select form (getArgumentNames lists the outer ones only)
        com.ibm.icu.text.MessagePattern pattern = new com.ibm.icu.text.MessagePattern(TEXTS.raw(language, key));
        Set<String> names = new java.util.TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            com.ibm.icu.text.MessagePattern.Part.Type type = pattern.getPart(i).getType();
            if (type == com.ibm.icu.text.MessagePattern.Part.Type.ARG_NAME
                    || type == com.ibm.icu.text.MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(pattern.getSubstring(pattern.getPart(i)));
            }
        }
        for (String name : names) {
            Object value = switch (name) {
                case "count", "max", "number", "minutes", "added", "skipped", "part", "parts", "people", "active",
                        "subscriptions", "articles", "queue", "pending", "sending", "failed", "dead", "sent",
                        "hour_count", "owners", "personal", "limit" -> 3;
                case "unit" -> "hours";
                // a query message's numbered arguments: numbers where it counts them
                case "0", "1" -> TEXTS.raw(language, key).contains("plural") ? 3 : "قيمة " + name;
                case "link" -> Html.link("https://news.example/a?b=1&c=2", "عنوان <الخبر> & \"التفاصيل\"");
                case "query_help" -> TEXTS.html(language, Msg.HELP_QUERY);
                default -> plain ? "قيمة " + name : "قيمة <b>" + name + "</b> & \"x\"";
            };
            arguments.put(name, value);
        }
        return arguments;
    }
}
