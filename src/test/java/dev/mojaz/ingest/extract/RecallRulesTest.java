package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.text.BoilerplateFilter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules that keep the whole article: one page for each, built around a seed article, beside the paragraphs a
 * reader calls the article (in {@code recall/NAME.expected.txt}). Each of the first four lost text before its rule;
 * the last holds what must not change while recall rises.
 * <ul>
 *   <li>{@code read-also-between-paragraphs}: a "read also" line inside the article drops itself, not the rest;</li>
 *   <li>{@code list-inside-article}: a list whose items hold blocks keeps its items (a list scores below zero as a
 *       candidate, and that score is no reason to remove it);</li>
 *   <li>{@code main-with-unlikely-class}: the {@code <main>} element is never pruned for its class;</li>
 *   <li>{@code same-style-paragraphs-split-by-ads}: paragraphs with the class of the chosen ones, in other blocks
 *       split off by adverts, are joined;</li>
 *   <li>{@code tables-lists-and-captions}: the article's table and list stay, captions and credits go.</li>
 * </ul>
 */
@Tag("fast")
class RecallRulesTest {
    private final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());

    private static String resource(String name) throws IOException {
        try (InputStream in = RecallRulesTest.class.getResourceAsStream("recall/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"read-also-between-paragraphs", "list-inside-article", "main-with-unlikely-class",
            "same-style-paragraphs-split-by-ads", "tables-lists-and-captions"})
    void keepsEveryParagraphOfTheArticleAndNothingElse(String page) throws IOException {
        List<String> expected = resource(page + ".expected.txt").lines().filter(l -> !l.isBlank()).toList();

        ExtractedPage extracted = extractor.extract(resource(page + ".html"), URI.create("https://news.example/a/1"));

        assertThat(extracted.paragraphs()).containsExactlyElementsOf(expected);
    }
}
