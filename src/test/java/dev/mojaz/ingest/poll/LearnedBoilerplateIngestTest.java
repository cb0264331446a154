package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestPipeline;
import dev.mojaz.ingest.feed.FeedEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A new site puts the same promotion paragraph under every article. No rule names it; after a few of its articles
 * are stored, ingest learns it and new articles of that site come without it.
 */
@Tag("fast")
class LearnedBoilerplateIngestTest {
    private static final String FOOTER = "احصلوا على نشرتنا اليومية المجانية وكونوا أول من يعرف، سجلوا بريدكم الآن في موقعنا";
    // Seed 001 goes last: its page ends in "انظر ايضاً", after which the shipped rules drop everything anyway.
    private static final List<String> SEEDS = List.of("000_6b2c92f6e4f8b8b5", "002_ac1c3e60c73cbb0f",
            "003_3a0528656e2a16ca", "004_625e51d79cef2ff7", "001_cbaf4bc2a732227a");

    private FixtureSite site;
    private TestPipeline pipeline;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        site = new FixtureSite();
        pipeline = new TestPipeline();
        source = TestPipeline.feed("newsite", site.url("/feed.xml"));
        for (int i = 0; i < SEEDS.size(); i++) {
            List<String> paragraphs = new ArrayList<>(Fixtures.paragraphs(Fixtures.seed(SEEDS.get(i))));
            paragraphs.add(FOOTER);
            site.html("/a/" + i, Fixtures.articlePage("خبر " + i, paragraphs, null));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        pipeline.close();
        site.close();
    }

    private List<EntryResult> ingest(int from, int to) {
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(new FeedEntry("g" + i, site.url("/a/" + i), "خبر " + i, "", Instant.parse("2026-11-20T09:00:00Z"), null));
        }
        return pipeline.ingestor.ingest(source, entries, 100);
    }

    private String storedText(int i) {
        return pipeline.articles.since(Instant.EPOCH, 100).stream().map(StoredArticle::article)
                .filter(a -> a.guid().equals("g" + i)).findFirst().orElseThrow().text();
    }

    @Test
    void aFooterRepeatedUnderEveryArticleIsDroppedOnceLearned() {
        // The footer is not one of the shipped rules: the first articles keep it.
        assertThat(ingest(0, 3)).allMatch(r -> r.outcome() == EntryResult.Outcome.ADDED);
        assertThat(storedText(0)).contains(FOOTER);

        assertThat(ingest(3, 5)).allMatch(r -> r.outcome() == EntryResult.Outcome.ADDED);

        assertThat(storedText(3)).doesNotContain(FOOTER)
                .contains(Fixtures.paragraphs(Fixtures.seed(SEEDS.get(3))).get(0));
        assertThat(storedText(4)).doesNotContain(FOOTER)
                .contains(Fixtures.paragraphs(Fixtures.seed(SEEDS.get(4))).get(2));
    }
}
