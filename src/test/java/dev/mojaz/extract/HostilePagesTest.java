package dev.mojaz.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.extract.eval.HostilePages;
import dev.mojaz.testing.FakeClock;
import dev.mojaz.text.BoilerplateFilter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid HTML built to make extraction slow (tens of thousands of nested elements, tags never closed, a list of 300,000
 * items) is extracted by the normal path and keeps its text. The budget's clock here never moves, so the budget cannot
 * rescue a slow extraction: the timeout is only a guard against the quadratic passes coming back (they took 20 s to
 * more than a minute of CPU on the deep pages), not a measure of speed; it is generous because the list, linear but
 * big, takes seconds in a cold JVM on a loaded machine.
 */
class HostilePagesTest {
    private final ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard(),
            ExtractionBudget.onClock(FakeClock.at("2026-01-01T00:00:00Z"), Duration.ofSeconds(1)));

    static Stream<HostilePages.Page> pages() {
        return HostilePages.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void isExtractedWithItsText(HostilePages.Page hostile) {
        ExtractedPage page = extractor.extract(hostile.html(), null);

        assertThat(page.paragraphs()).contains(HostilePages.PROSE);
    }
}
