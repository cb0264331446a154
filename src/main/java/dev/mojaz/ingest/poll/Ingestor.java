package dev.mojaz.ingest.poll;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractedPage;
import dev.mojaz.ingest.extract.RepeatedBoilerplate;
import dev.mojaz.ingest.feed.FeedEntry;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.http.FetchResponse;
import dev.mojaz.ingest.http.HttpFetcher;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.text.SimHash;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the entries of one poll into stored articles. For each entry, in feed order:
 * <ol>
 *   <li>skip it, unfetched, when the store already knows its guid (from this source) or its canonical link;</li>
 *   <li>fetch the article page (through the page cache; on behalf of the source, so a source allowed a private
 *       network reaches its own host there and no other) and extract it with {@link ArticleExtractor};</li>
 *   <li>follow the page's rel=canonical ({@link CanonicalUrl#choose}) and check the store again under that URL;</li>
 *   <li>take the page's text, or, when the page failed or had no text, the entry's own content or description;</li>
 *   <li>summarise it ({@link Summarizer}), sign it ({@link SimHash#signature}) and store it
 *       ({@link ArticleRepository#add}, which groups near-duplicates into stories).</li>
 * </ol>
 * Paragraphs the source repeats under many of its articles (a site's own promotion footer) are learned once a poll
 * from its recent stored texts ({@link RepeatedBoilerplate}) and removed from every new page, with no rule written.
 * One bad entry never stops the others: whatever goes wrong becomes a {@link EntryResult.Outcome#FAILED} result
 * with its reason.
 */
public final class Ingestor {
    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
    /** Recent articles of a source that its repeated paragraphs are learned from. */
    private static final int RECENT_TEXTS = 50;

    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final Summarizer summarizer;
    private final ArticleRepository articles;
    private final Clock clock;

    public Ingestor(HttpFetcher fetcher, ArticleExtractor extractor, Summarizer summarizer, ArticleRepository articles,
                    Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.articles = Objects.requireNonNull(articles, "articles");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ingests {@code entries} of {@code source}; at most {@code maxNew} article pages are fetched, and the unknown
     * entries past that are returned as {@link EntryResult.Outcome#DEFERRED}.
     *
     * @return one result per entry, in the same order
     */
    public List<EntryResult> ingest(SourceConfig source, List<FeedEntry> entries, int maxNew) {
        List<EntryResult> results = new ArrayList<>(entries.size());
        RepeatedBoilerplate repeated = null; // learned on the first new entry: a poll with nothing new costs no query
        int attempted = 0;
        for (FeedEntry entry : entries) {
            if (Thread.currentThread().isInterrupted()) {
                results.add(EntryResult.of(entry.link(), EntryResult.Outcome.DEFERRED, "poll interrupted"));
                continue;
            }
            try {
                URI canonical = CanonicalUrl.of(entry.link());
                if (articles.isKnown(source.id(), entry.guid(), canonical)) {
                    results.add(EntryResult.of(entry.link(), EntryResult.Outcome.DUPLICATE, "already stored"));
                    continue;
                }
                if (attempted >= maxNew) {
                    results.add(EntryResult.of(entry.link(), EntryResult.Outcome.DEFERRED,
                            "over the limit of " + maxNew + " new entries a poll (fetch.max-entries-per-poll)"));
                    continue;
                }
                attempted++;
                if (repeated == null) {
                    repeated = RepeatedBoilerplate.learn(articles.recentTexts(source.id(), RECENT_TEXTS));
                }
                results.add(ingestNew(source, entry, canonical, repeated));
            } catch (RuntimeException e) {
                // A bug or a store failure on one entry: record it against the entry and go on with the next.
                log.warn("{}: entry {} failed", source.id(), entry.link(), e);
                results.add(EntryResult.failed(entry.link(), "internal error: " + oneLine(e), true));
            }
        }
        return results;
    }

    /** Fetches, extracts, summarises and stores one entry the store does not know yet. */
    private EntryResult ingestNew(SourceConfig source, FeedEntry entry, URI canonical, RepeatedBoilerplate repeated) {
        URI url = entry.link();
        ExtractedPage page = null;
        String pageProblem;
        boolean transientProblem = false;
        try {
            FetchResponse response = fetcher.fetch(FetchRequest.page(entry.link()).onBehalfOf(source));
            url = response.finalUrl();
            page = repeated.filter(extractor.extract(response.body(), response.contentType(), response.finalUrl()));
            pageProblem = page.hasText() ? null : "the page has no article text";
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.STOPPED) {
                // Not the page's fault: leave the entry for the next poll rather than store the feed's text for good.
                return EntryResult.of(entry.link(), EntryResult.Outcome.DEFERRED, "poll interrupted: " + e.getMessage());
            }
            pageProblem = e.getMessage();
            transientProblem = e.isTransient() || e.kind() == FetchException.Kind.TIMEOUT;
        } catch (RuntimeException e) {
            log.warn("{}: extraction of {} failed", source.id(), url, e);
            pageProblem = "extraction failed: " + oneLine(e);
        }

        if (page != null) {
            URI declared = CanonicalUrl.choose(url, page.canonicalUrl());
            if (!declared.equals(canonical)) {
                canonical = declared;
                if (articles.isKnown(source.id(), entry.guid(), canonical)) {
                    return EntryResult.of(entry.link(), EntryResult.Outcome.DUPLICATE, "already stored as " + canonical);
                }
            }
        }

        boolean usedFeedText = pageProblem != null;
        String text = usedFeedText ? entry.text() : page.text();
        if (text.isBlank()) {
            return EntryResult.failed(entry.link(), "no article text: " + pageProblem + ", and the feed entry has none",
                    transientProblem);
        }
        String title = !entry.title().isEmpty() ? entry.title() : page != null ? page.title() : "";
        Instant published = entry.published() != null ? entry.published() : page != null ? page.published() : null;
        String byline = page != null && page.byline() != null ? page.byline() : entry.author();

        List<String> summary;
        try {
            summary = summarizer.summarize(title, text).sentences();
        } catch (RuntimeException e) {
            log.warn("{}: summarising {} failed", source.id(), url, e);
            return EntryResult.failed(entry.link(), "summariser failed: " + oneLine(e), true);
        }

        Article article = new Article(source.id(), url, canonical, entry.guid(), title, text, byline, published,
                clock.instant(), source.language(), summary, SimHash.signature(text));
        ArticleRepository.AddResult added = articles.add(article);
        EntryResult.Outcome outcome = switch (added.outcome()) {
            case ADDED -> EntryResult.Outcome.ADDED;
            case JOINED_STORY -> EntryResult.Outcome.JOINED_STORY;
            case DUPLICATE -> EntryResult.Outcome.DUPLICATE;
        };
        String detail = usedFeedText ? "stored the feed's text: " + pageProblem
                : outcome == EntryResult.Outcome.DUPLICATE ? "already stored" : "";
        return new EntryResult(entry.link(), outcome, detail, usedFeedText, false, added.articleId(), added.storyId());
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
