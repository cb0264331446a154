package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.extract.HostilePages;
import dev.mojaz.testing.FakeClock;
import dev.mojaz.text.BoilerplateFilter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid HTML built to make extraction slow (tens of thousands of nested elements, tags never closed, a list of 300,000
 * items) is extracted by the normal path and keeps its text. The budget's clock here never moves, so the budget cannot
 * rescue a slow extraction: the timeouts only guard against the quadratic passes coming back (the deep pages took from
 * one to three minutes each in this test before), not a measure of speed.
 */
@Tag("slow")
class HostilePagesTest {
    private final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard(),
            ExtractionBudget.onClock(FakeClock.at("2026-01-01T00:00:00Z"), Duration.ofSeconds(1)));

    static Stream<HostilePages.Page> deepPages() {
        return Stream.of(HostilePages.deepDivs(60_000), HostilePages.unclosedDivSpans(50_000),
                HostilePages.nestedTables(20_000), HostilePages.nestedFigures(20_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepPages")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aDeepPageIsExtractedWithItsText(HostilePages.Page hostile) {
        ExtractedPage page = extractor.extract(hostile.html(), null);

        assertThat(page.paragraphs()).contains(HostilePages.PROSE);
    }

    /** Linear, but 4.4 MB and 600,000 nodes: seconds in a cold JVM on a loaded machine, hence the longer guard. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aListOfThreeHundredThousandItemsIsExtractedWithItsText() {
        ExtractedPage page = extractor.extract(HostilePages.longList(300_000).html(), null);

        assertThat(page.paragraphs()).contains(HostilePages.PROSE).contains("299")
                .hasSize(ParagraphCollector.MAX_PARAGRAPHS);
    }
}
