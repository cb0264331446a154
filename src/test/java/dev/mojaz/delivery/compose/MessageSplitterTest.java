package dev.mojaz.delivery.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeHtml;
import dev.mojaz.delivery.compose.MessageSplitter.Block;
import dev.mojaz.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class MessageSplitterTest {
    private static final Html GAP = Html.text("\n\n");
    private static final String SENTENCE = "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في جنيف. ";
    private static final String QUESTION = "هل ستنجح الجولة الجديدة من المفاوضات؟ ";

    private static Html item(String title, String body) {
        return Html.concat(Html.bold(Html.link("https://news.example/" + title.length(), title)), Html.text("\n"),
                Html.text(body));
    }

    @Test
    void itemsThatFitArePackedWholeInOrder() {
        MessageSplitter splitter = new MessageSplitter(300);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            blocks.add(Block.item(item("خبر رقم " + i, SENTENCE)));
        }
        List<Html> messages = splitter.split(blocks, GAP);

        assertThat(messages).hasSizeGreaterThan(1);
        for (Html message : messages) {
            assertThat(message.visibleLength()).isLessThanOrEqualTo(300);
        }
        String all = messages.stream().map(Html::visibleText).collect(Collectors.joining("\n\n"));
        String expected = blocks.stream().map(b -> b.html().visibleText()).collect(Collectors.joining("\n\n"));
        assertThat(all).isEqualTo(expected); // cut only between items: nothing inside one moved or lost
    }

    @Test
    void exactlyTheLimitFitsAndOneMoreDoesNot() {
        MessageSplitter splitter = MessageSplitter.forMessages();
        Html exact = Html.text("ش".repeat(4096));
        assertThat(splitter.split(exact)).containsExactly(exact);
        Html over = Html.text("ش".repeat(4097));
        List<Html> pieces = splitter.split(over);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).visibleLength()).isEqualTo(4096);
        assertThat(pieces.get(1).visibleLength()).isEqualTo(1);
    }

    @Test
    void lengthIsCountedAfterEntitiesAndInUtf16() {
        MessageSplitter splitter = new MessageSplitter(100);
        Html ampersands = Html.text("&".repeat(100)); // 500 characters of markup, 100 as Telegram counts
        assertThat(splitter.split(ampersands)).containsExactly(ampersands);
        Html emoji = Html.text("🙂".repeat(51)); // 102 UTF-16 units
        List<Html> pieces = splitter.split(emoji);
        assertThat(pieces).extracting(Html::visibleLength).containsExactly(100, 2);
    }

    @Test
    void aLongItemIsCutAtParagraphsFirst() {
        String paragraph = SENTENCE.repeat(3).strip();
        Html longItem = Html.text(String.join("\n\n", paragraph, paragraph, paragraph, paragraph));
        List<Html> pieces = new MessageSplitter(500).split(longItem);

        assertThat(pieces).hasSizeGreaterThan(1);
        for (Html piece : pieces) {
            assertThat(piece.visibleLength()).isLessThanOrEqualTo(500);
            assertThat(piece.visibleText()).startsWith("قال").endsWith("جنيف.");
        }
    }

    @Test
    void withoutParagraphsAnItemIsCutAtTheEndOfASentence() {
        Html longItem = Html.text((SENTENCE + QUESTION).repeat(20));
        List<Html> pieces = new MessageSplitter(700).split(longItem);

        assertThat(pieces).hasSizeGreaterThan(2);
        for (Html piece : pieces.subList(0, pieces.size() - 1)) {
            assertThat(piece.visibleText()).matches("(?s)قال.*[.؟]");
        }
    }

    @Test
    void aWordLongerThanAMessageIsCutBetweenLettersNeverBeforeAVowelMark() {
        String word = "مُحَمَّدٌ".repeat(30); // letters each followed by harakat
        List<Html> pieces = new MessageSplitter(37).split(Html.text(word));

        assertThat(pieces.stream().map(Html::visibleText).collect(Collectors.joining())).isEqualTo(word);
        for (Html piece : pieces) {
            assertThat(piece.visibleLength()).isLessThanOrEqualTo(37);
            int first = piece.visibleText().codePointAt(0);
            assertThat(Character.getType(first)).as("piece starts with %s", piece.visibleText())
                    .isNotEqualTo((int) Character.NON_SPACING_MARK);
        }
    }

    @Test
    void tagsOpenAtACutAreClosedAndOpenedAgain() throws Exception {
        Html bold = Html.bold(Html.link("https://news.example/x", Html.text(SENTENCE.repeat(10))));
        List<Html> pieces = new MessageSplitter(200).split(bold);

        assertThat(pieces).hasSizeGreaterThan(3);
        for (Html piece : pieces) {
            assertThat(piece.markup()).startsWith("<b><a href=\"https://news.example/x\">").endsWith("</a></b>");
            FakeHtml.parse(piece.markup());
        }
    }

    @Test
    void aHeadingNeverEndsAMessageWithoutItsFirstItem() {
        MessageSplitter splitter = new MessageSplitter(200);
        List<Block> blocks = List.of(
                Block.item(Html.text("أ".repeat(120))),
                Block.heading(Html.bold(Html.text("🔎 سوريا"))),
                Block.item(Html.text("ب".repeat(120))));
        List<Html> messages = splitter.split(blocks, GAP);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).visibleText()).isEqualTo("أ".repeat(120));
        assertThat(messages.get(1).visibleText()).startsWith("🔎 سوريا\n\nب");
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void randomDigestsAlwaysSplitIntoValidMessagesThatLoseNothing() throws Exception {
        Random random = new Random(2026);
        String[] words = {"سوريا", "دمشق", "&", "<", ">", "\"", "🙂", "مُحَمَّد", "Putin", "2.5", "«قال»", "؟", ".", "\n",
                "\n\n", "—", "‏"};
        for (int round = 0; round < 300; round++) {
            int limit = 40 + random.nextInt(400);
            List<Block> blocks = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int b = 0; b < count; b++) {
                StringBuilder text = new StringBuilder();
                int n = 1 + random.nextInt(random.nextInt(5) == 0 ? 400 : 40);
                for (int w = 0; w < n; w++) {
                    text.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
                }
                Html html = switch (random.nextInt(3)) {
                    case 0 -> Html.text(text.toString());
                    case 1 -> Html.bold(Html.text(text.toString()));
                    default -> Html.concat(Html.link("https://x.example/?q=" + b + "&r=1", "عنوان " + b), Html.text("\n"),
                            Html.italic(Html.text(text.toString())));
                };
                if (html.visibleText().isBlank()) {
                    continue;
                }
                blocks.add(random.nextInt(6) == 0 ? Block.heading(html) : Block.item(html));
            }
            List<Html> messages = new MessageSplitter(limit).split(blocks, GAP);

            for (Html message : messages) {
                assertThat(message.visibleLength()).as("limit %d: %s", limit, message).isLessThanOrEqualTo(limit);
                assertThat(FakeHtml.parse(message.markup())).isEqualTo(message.visibleText());
                assertThat(message.visibleText()).isNotBlank();
            }
            String in = blocks.stream().map(b -> b.html().visibleText()).collect(Collectors.joining()).replaceAll("\\s+", "");
            String out = messages.stream().map(Html::visibleText).collect(Collectors.joining()).replaceAll("\\s+", "");
            assertThat(out).as("limit %d", limit).isEqualTo(in);
            for (int b = 0; b < blocks.size(); b++) {
                Block block = blocks.get(b);
                boolean gluedToAHeading = b > 0 && blocks.get(b - 1).keepWithNext();
                if (!block.keepWithNext() && !gluedToAHeading && block.html().visibleLength() <= limit) {
                    String whole = block.html().visibleText().strip();
                    assertThat(messages).as("an item that fits is never cut").anyMatch(m -> m.visibleText().contains(whole));
                }
            }
        }
    }
}
