package dev.mojaz.delivery.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Texts;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class NewsFormatterTest {
    private static final Texts TEXTS = Texts.load();
    private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");
    private final NewsFormatter formatter = new NewsFormatter(TEXTS, Language.AR, id -> id.equals("sana") ? "سانا" : id);

    private static Chat chat(String language, int sentences) {
        return new Chat(42, ChatKind.PRIVATE, "Huda",
                ChatSettings.defaults(language, ZoneId.of("Asia/Damascus")).withSummarySentences(sentences), false, true,
                null, NOW.minusSeconds(86_400), null);
    }

    private static StoredArticle article(long id, long story, String title, Instant published, String... summary) {
        return new StoredArticle(id, story, new Article("sana", URI.create("https://sana.sy/?p=" + id),
                URI.create("https://sana.sy/?p=" + id), null, title, "نص. " + String.join(" ", summary), null,
                published, published, "ar", List.of(summary), 0));
    }

    @Test
    void anAlertEscapesWhatCameFromTheWebAndLinksTheTitle() {
        OutgoingMessage alert = formatter.alert(chat("ar", 2),
                article(1, 1, "عنوان <b>غريب</b> & \"مقتبس\"", NOW, "الجملة الأولى.", "الجملة الثانية.", "الثالثة."),
                "سوريا -رياضة");

        assertThat(alert.text().markup()).contains("<a href=\"https://sana.sy/?p=1\">عنوان &lt;b&gt;غريب&lt;/b&gt; &amp;")
                .doesNotContain("<b>غريب");
        assertThat(alert.text().visibleText()).isEqualTo(
                "🔔 سوريا -رياضة\n\nعنوان <b>غريب</b> & \"مقتبس\"\nالجملة الأولى. الجملة الثانية.\n\nسانا");
        assertThat(alert.linkPreview()).isFalse();
    }

    @Test
    void theQueryIsReadInTheChatsLanguage() {
        StoredArticle article = article(1, 1, "عنوان", NOW, "جملة.");
        assertThat(formatter.alert(chat("ar", 2), article, "روسيا OR موسكو source:sana").text().visibleText())
                .startsWith("🔔 روسيا أو موسكو مصدر:sana\n");
        assertThat(formatter.alert(chat("en", 2), article, "روسيا OR موسكو").text().visibleText())
                .startsWith("🔔 روسيا OR موسكو\n");
        List<OutgoingMessage> digest = formatter.digest(chat("ar", 2),
                List.of(new NewsFormatter.Item("روسيا OR موسكو", article)), 30, NOW);
        assertThat(digest.get(0).text().visibleText()).contains("🔎 روسيا أو موسكو\n");
    }

    @Test
    void aDigestGroupsByQueryNewestFirstAndTellsEachStoryOnce() {
        List<NewsFormatter.Item> items = List.of(
                new NewsFormatter.Item("سوريا", article(1, 1, "قديم عن سوريا", NOW.minusSeconds(3600), "أ.")),
                new NewsFormatter.Item("لبنان", article(2, 2, "عن لبنان", NOW.minusSeconds(1800), "ب.")),
                new NewsFormatter.Item("سوريا", article(3, 3, "جديد عن سوريا", NOW.minusSeconds(600), "ج.")),
                new NewsFormatter.Item("سوريا", article(4, 3, "القصة نفسها من مصدر آخر", NOW.minusSeconds(900), "د.")));

        List<OutgoingMessage> digest = formatter.digest(chat("ar", 3), items, 30, NOW);

        assertThat(digest).hasSize(1);
        String text = digest.get(0).text().visibleText();
        assertThat(text).startsWith("نشرتك · ").contains("3 أخبار");
        assertThat(text).doesNotContain("القصة نفسها");
        assertThat(text.indexOf("🔎 سوريا")).isLessThan(text.indexOf("جديد عن سوريا"));
        assertThat(text.indexOf("جديد عن سوريا")).isLessThan(text.indexOf("قديم عن سوريا"));
        assertThat(text.indexOf("قديم عن سوريا")).isLessThan(text.indexOf("🔎 لبنان"));
        assertThat(text.indexOf("🔎 لبنان")).isLessThan(text.indexOf("عن لبنان\n"));
    }

    @Test
    void aDigestKeepsTheNewestItemsUpToTheLimit() {
        List<NewsFormatter.Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new NewsFormatter.Item("q", article(i, i, "خبر " + i, NOW.minusSeconds(60L * (10 - i)), "جملة.")));
        }
        List<NewsFormatter.Item> chosen = NewsFormatter.choose(items, 3);
        assertThat(chosen).extracting(item -> item.article().id()).containsExactly(9L, 8L, 7L);
    }

    @Test
    void aLongDigestIsCutBetweenItemsAndEveryPartAfterTheFirstSaysSo() {
        NewsFormatter small = new NewsFormatter(TEXTS, Language.EN, id -> id, new MessageSplitter(600));
        List<NewsFormatter.Item> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(new NewsFormatter.Item("economy", article(i, i, "Title " + i, NOW.minusSeconds(60L * (12 - i)),
                    "Sentence one of item " + i + " goes on for a while.", "Sentence two of item " + i + ".")));
        }
        List<OutgoingMessage> digest = small.digest(chat("en", 2), items, 30, NOW);

        assertThat(digest.size()).isGreaterThan(2);
        for (int part = 0; part < digest.size(); part++) {
            String text = digest.get(part).text().visibleText();
            assertThat(text.length()).isLessThanOrEqualTo(600);
            if (part > 0) {
                assertThat(text).startsWith("(continued, part " + (part + 1) + " of " + digest.size() + ")");
            }
            for (int i = 0; i < 12; i++) {
                if (text.contains("Title " + i + "\n")) {
                    assertThat(text).contains("Sentence one of item " + i + " goes on for a while. Sentence two of item " + i + ".");
                }
            }
        }
        assertThat(String.join("", digest.stream().map(m -> m.text().visibleText()).toList()))
                .contains("Title 0\n", "Title 11\n");
    }

    @Test
    void nothingToSayIsNoDigest() {
        assertThat(formatter.digest(chat("ar", 3), List.of(), 30, NOW)).isEmpty();
        assertThat(formatter.emptyDigest(chat("en", 3)).text().visibleText())
                .isEqualTo("Nothing new matched your subscriptions since your last digest.");
    }
}
