package dev.mojaz.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.bot.fake.FakeHtml;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class HtmlTest {
    private static final String NASTY = "<script>alert(\"x\")</script> & &amp; &lt; </b> سوريا «قال» \"نعم\" 'لا' 🙂";

    @Test
    void textFromTheWebIsEscapedAndReadsBackUnchanged() {
        Html html = Html.text(NASTY);
        assertThat(html.markup()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp;amp;");
        assertThat(html.visibleText()).isEqualTo(NASTY);
        assertThat(TelegramHtml.isValid(html.markup())).isTrue();
    }

    @Test
    void randomTextAlwaysEscapesToValidMarkupThatReadsBackTheSame() throws Exception {
        Random random = new Random(42);
        String alphabet = "<>&\"';#/abc سوريا\n\tًٌٍَُِّْـ🙂é&amp;&#64;&lt";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            Html html = Html.text(s.toString());
            assertThat(html.visibleText()).isEqualTo(s.toString());
            assertThat(FakeHtml.parse(html.markup())).as("the fake server reads it the same").isEqualTo(s.toString());
        }
    }

    @Test
    void linksBecomeAnchorsWithTheirAttributeEscaped() throws Exception {
        Html link = Html.link("https://ar.example.com/news?id=5&lang=ar", "عاجل: <انفجار> & حريق");
        assertThat(link.markup()).isEqualTo(
                "<a href=\"https://ar.example.com/news?id=5&amp;lang=ar\">عاجل: &lt;انفجار&gt; &amp; حريق</a>");
        assertThat(FakeHtml.parse(link.markup())).isEqualTo("عاجل: <انفجار> & حريق");
    }

    @Test
    void quotesAndSpacesInAUrlCannotBreakOutOfTheAttribute() {
        Html link = Html.link("https://example.com/a b\"onclick=\"x", "نص");
        assertThat(link.markup()).isEqualTo("<a href=\"https://example.com/a%20b%22onclick=%22x\">نص</a>");
        assertThat(TelegramHtml.isValid(link.markup())).isTrue();
    }

    @Test
    void onlyWebAndTelegramLinksAreLinked() {
        assertThat(Html.link("javascript:alert(1)", "نص").markup()).isEqualTo("نص");
        assertThat(Html.link("file:///etc/passwd", "نص").markup()).isEqualTo("نص");
        assertThat(Html.link("", "نص").markup()).isEqualTo("نص");
        assertThat(Html.link("tg://resolve?domain=mojaz", "نص").markup()).startsWith("<a href=");
    }

    @Test
    void lengthIsCountedAsTelegramCountsIt() {
        assertThat(TelegramHtml.visibleLength("<b>سوريا</b>")).isEqualTo(5);
        assertThat(TelegramHtml.visibleLength("&lt;&amp;&gt;&quot;")).isEqualTo(4);
        assertThat(TelegramHtml.visibleLength("🙂")).as("outside the BMP: two UTF-16 units").isEqualTo(2);
        assertThat(TelegramHtml.visibleLength("&#128578;")).isEqualTo(2);
        assertThat(TelegramHtml.visibleLength("مُحَمَّد")).as("every vowel mark counts").isEqualTo(8);
        assertThat(TelegramHtml.visibleLength("a &nbsp; b")).as("unknown entities stay as written").isEqualTo(10);
        assertThat(TelegramHtml.visibleLength("<a href=\"https://x.example/\">رابط</a>")).isEqualTo(4);
    }

    @Test
    void onlyDocumentedTagsProperlyNestedAreAccepted() {
        assertThat(TelegramHtml.isValid("<b>a <i>b</i></b> <u>c</u> <s>d</s> <code>e</code> <pre>f</pre>")).isTrue();
        assertThat(TelegramHtml.isValid("<blockquote expandable>q</blockquote><tg-spoiler>x</tg-spoiler>")).isTrue();
        assertThat(TelegramHtml.isValid("<span class=\"tg-spoiler\">x</span>")).isTrue();
        assertThatThrownBy(() -> TelegramHtml.validate("a<br>b")).hasMessageContaining("unsupported start tag \"br\"");
        assertThatThrownBy(() -> TelegramHtml.validate("<b><i>x</b></i>")).hasMessageContaining("expected </i>");
        assertThatThrownBy(() -> TelegramHtml.validate("<b>x")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> TelegramHtml.validate("a < b")).isInstanceOf(InvalidHtmlException.class);
        assertThatThrownBy(() -> TelegramHtml.validate("<span>x</span>")).hasMessageContaining("tg-spoiler");
        assertThatThrownBy(() -> Html.trusted("<p>x</p>")).isInstanceOf(InvalidHtmlException.class);
    }

    @Test
    void ourParserAndTheFakeServersAgreeOnRandomMarkup() {
        Random random = new Random(3);
        String[] pieces = {"<b>", "</b>", "<i>", "</i>", "<a href=\"https://x.example/?a=1&amp;b=2\">", "</a>", "&lt;",
                "&amp;", "&#1587;", "&nbsp;", "&", "سوريا", " ", "\n", "🙂", "<code>", "</code>", "<br>", "<", ">", "x"};
        int valid = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder markup = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                markup.append(pieces[random.nextInt(pieces.length)]);
            }
            String candidate = markup.toString();
            String ours;
            try {
                ours = TelegramHtml.parse(candidate).text();
            } catch (InvalidHtmlException e) {
                ours = null;
            }
            String fake;
            try {
                fake = FakeHtml.parse(candidate);
            } catch (FakeHtml.ParseException e) {
                fake = null;
            }
            assertThat(ours).as("markup %s", candidate).isEqualTo(fake);
            if (ours != null) {
                valid++;
            }
        }
        assertThat(valid).as("enough of the random cases are valid to mean something").isGreaterThan(300);
    }
}
