package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mojaz.testing.FakeClock;
import dev.mojaz.text.BoilerplateFilter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What an extraction does when its time budget runs out: it settles for the text of the page's paragraphs. */
@Tag("fast")
class ExtractionBudgetTest {
    private static final String P1 = ArticleExtractorTest.P1;
    private static final String P2 = ArticleExtractorTest.P2;
    private static final String P3 = "The bridge was opened by the king in 1921 and widened in 1968, the town archive"
            + " shows.";

    private final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");
    /** The extractor's log lines, kept here instead of going to the console. */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger extractorLog = (Logger) LoggerFactory.getLogger(ArticleExtractor.class);

    @BeforeEach
    void captureTheLog() {
        logged.start();
        extractorLog.addAppender(logged);
        extractorLog.setAdditive(false);
    }

    @AfterEach
    void releaseTheLog() {
        extractorLog.detachAppender(logged);
        extractorLog.setAdditive(true);
    }

    private ArticleExtractor extractorWithBudget(Duration limit) {
        return new ArticleExtractor(BoilerplateFilter.standard(), ExtractionBudget.onClock(clock, limit));
    }

    @Test
    void whenTheBudgetIsGoneThePageKeepsTheTextOfItsParagraphs() {
        String html = "<html><head><meta property=og:title content='Bridge to close'></head><body>"
                + "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
                + "<div class=story><p>" + P1 + "</p><div>" + P3 + "</div><p>" + P2 + "</p></div></body></html>";

        ExtractedPage page = extractorWithBudget(Duration.ZERO).extract(html, URI.create("https://news.example/bridge"));
        ExtractedPage inTime = extractorWithBudget(Duration.ofSeconds(1)).extract(html, null);

        assertThat(page.paragraphs()).containsExactly(P1, P2);
        assertThat(page.title()).isEqualTo("Bridge to close");
        assertThat(inTime.paragraphs()).containsExactly(P1, P3, P2);
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).isEqualTo("extracting https://news.example/bridge took more than its"
                    + " budget of 0 ms of clock time: fell back to the text of its <p> elements (2 paragraphs)");
        });
    }

    @Test
    void whenTheBudgetIsGoneAPublishedBodyInHtmlIsParsedOnlyWhenItIsSmall() {
        String small = "<p>" + P1 + "</p><p>" + P2 + "</p>";
        String large = ("<p>" + P1 + "</p>").repeat(1_000);
        Deadline passed = new Deadline(() -> 1, 0);

        assertThat(ArticleExtractor.preferPublishedBody(List.of(), small, passed)).containsExactly(P1, P2);
        assertThat(ArticleExtractor.preferPublishedBody(List.of(), large, passed)).isEmpty();
        assertThat(ArticleExtractor.preferPublishedBody(List.of(), large, Deadline.NONE)).hasSize(1_000);
    }

    @Test
    void whenTheBudgetIsGoneTheParserStopsReadingAndWhatItReadIsKept() {
        StringBuilder html = new StringBuilder("<html><body><div class=story>");
        int paragraphs = 5_000;
        for (int i = 0; i < paragraphs; i++) {
            html.append("<p>Paragraph ").append(i).append(": ").append(P1).append("</p>");
        }
        html.append("</div></body></html>");

        ExtractedPage cut = extractorWithBudget(Duration.ZERO).extract(html.toString(), null);
        ExtractedPage whole = extractorWithBudget(Duration.ofSeconds(1)).extract(html.toString(), null);

        assertThat(cut.paragraphs()).isNotEmpty().hasSizeLessThan(paragraphs);
        assertThat(cut.paragraphs().get(0)).isEqualTo("Paragraph 0: " + P1);
        assertThat(whole.paragraphs()).hasSize(paragraphs); // the fake clock never moves: nothing is cut
    }

    @Test
    void whenOnlyTheRetryRunsOutTheFirstAttemptsTextStands() {
        // A short article (less than the text that makes the strict attempt final) beside a block pruned for its
        // class name, so a lenient retry follows.
        String html = "<html><body><div class=story><p>" + P1 + "</p></div><div class=sidebar><p>" + P2
                + "</p></div></body></html>";
        AtomicLong now = new AtomicLong();
        Deadline deadline = new Deadline(now::get, 1_000);
        AtomicInteger parses = new AtomicInteger();

        ContentFinder.Found found = ContentFinder.find(() -> {
            if (parses.incrementAndGet() == 2) {
                now.set(2_000); // the time runs out between the attempts
            }
            return Jsoup.parse(html);
        }, deadline);

        assertThat(parses).hasValue(2);
        assertThat(found.retryCutShort()).isTrue();
        assertThat(found.paragraphs()).containsExactly(P1);
    }

    @Test
    void noRetryWhenTheStrictAttemptPrunedNothingForItsName() {
        String html = "<html><body><nav><a href=/>Home</a></nav><div class=story><p>" + P1 + "</p></div></body></html>";
        AtomicInteger parses = new AtomicInteger();

        ContentFinder.Found found = ContentFinder.find(() -> {
            parses.incrementAndGet();
            return Jsoup.parse(html);
        }, new Deadline(() -> 0, 1_000));

        assertThat(parses).hasValue(1);
        assertThat(found.paragraphs()).containsExactly(P1);
    }

    @Test
    void aDeadlineReadsTheTimeOnlyNowAndThenInLoops() {
        AtomicInteger reads = new AtomicInteger();
        Deadline deadline = new Deadline(() -> {
            reads.incrementAndGet();
            return 0;
        }, 1_000);

        for (int i = 0; i < 4096; i++) {
            deadline.check();
        }

        assertThat(reads).hasValue(4);
    }

    @Test
    void theCostlyTimeIsReadOnlyOnceTheCheapOneSaysTheBudgetCouldBeSpent() {
        AtomicLong wall = new AtomicLong();
        AtomicInteger cpuReads = new AtomicInteger();
        Deadline deadline = new Deadline(() -> {
            cpuReads.incrementAndGet();
            return 5_000;
        }, 1_000, wall::get, 1_000);

        assertThat(deadline.passed()).isFalse();
        assertThat(cpuReads).hasValue(0);
        wall.set(1_000);
        assertThat(deadline.passed()).isTrue();
        assertThat(cpuReads).hasValue(1);
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> ExtractionBudget.onClock(clock, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
