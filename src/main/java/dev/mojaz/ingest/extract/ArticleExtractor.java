package dev.mojaz.ingest.extract;

import dev.mojaz.ingest.extract.Deadline.DeadlineExceeded;
import dev.mojaz.text.BoilerplateFilter;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts an article's metadata and main text from its HTML: the one entry point of this package.
 *
 * <p>Steps: decode the bytes ({@link HtmlDecoder}); cut scripts, styles and comments ({@link HtmlPrefilter}); parse
 * with Jsoup; read JSON-LD, OpenGraph and meta tags ({@link MetadataReader}); find the main content by scoring blocks
 * ({@link ContentFinder}), or take the JSON-LD articleBody when the markup holds much less; drop the repeated headline,
 * bare date stamps, header and copyright lines ({@link HeaderAndFooterLines}) and the boilerplate lines the
 * {@link BoilerplateFilter} knows. Per-source learned boilerplate ({@link RepeatedBoilerplate}) is applied by the
 * caller, who knows the source. Thread-safe: one instance serves the whole application.
 *
 * <p>A page with no article (a home page, an error page, an empty body) gives an {@link ExtractedPage} whose
 * {@link ExtractedPage#hasText()} is false; extraction itself never throws on bad markup.
 *
 * <p>Hostile pages (valid HTML built to be slow: tens of thousands of nested elements, tags never closed) are
 * handled three ways: markup nested deeper than {@link NestingCap#MAX_DEPTH} levels is flattened before parsing;
 * every pass over the tree is linear; and each extraction has an {@link ExtractionBudget}. When the budget runs out
 * the parser stops reading, the search for the content stops, and the page's text is the text of its {@code <p>}
 * elements (or the strict attempt's result, when only the lenient retry was cut short), with a warning in the log.
 */
public final class ArticleExtractor {
    private static final Logger log = LoggerFactory.getLogger(ArticleExtractor.class);
    private static final Pattern DATE_STAMP = Pattern.compile(
            "\\s*(\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4})?\\s*(T?\\s*\\d{1,2}:\\d{2}(:\\d{2})?)?\\s*",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final int MIN_PUBLISHED_BODY = 200;
    /** A long article's length: parsing that much markup takes milliseconds whatever its shape. */
    private static final int SMALL_PUBLISHED_BODY = 100_000;
    /** Markup parsed at most, after scripts and styles are cut: 8 million characters, 100 times a long article page. */
    static final int MAX_MARKUP_CHARS = 8_000_000;

    private final BoilerplateFilter boilerplate;
    private final ExtractionBudget budget;
    private final HtmlDecoder decoder = new HtmlDecoder();

    /** An extractor with the {@linkplain ExtractionBudget#standard() standard} time budget per page. */
    public ArticleExtractor(BoilerplateFilter boilerplate) {
        this(boilerplate, ExtractionBudget.standard());
    }

    public ArticleExtractor(BoilerplateFilter boilerplate, ExtractionBudget budget) {
        this.boilerplate = Objects.requireNonNull(boilerplate, "boilerplate");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /**
     * Decodes raw bytes (charset from {@code contentType}, BOM, meta tags or detection) and extracts.
     *
     * @param contentType the HTTP Content-Type header, or null when the bytes came from a file
     */
    public ExtractedPage extract(byte[] html, String contentType, URI url) {
        Objects.requireNonNull(html, "html");
        return extract(decoder.decode(html, contentType).text(), url);
    }

    /** Extracts from already-decoded HTML; {@code url} resolves relative links and may be null. */
    public ExtractedPage extract(String html, URI url) {
        Objects.requireNonNull(html, "html");
        Deadline deadline = budget.start();
        String base = url == null ? "" : url.toString();
        String markup = NestingCap.apply(capped(HtmlPrefilter.strip(html), MAX_MARKUP_CHARS));
        Document first = parse(markup, base, deadline);
        PageMetadata meta = MetadataReader.read(first, url);
        // The first attempt uses the tree already parsed; a retry needs a fresh one (attempts prune the tree).
        Iterator<Document> trees = Stream.concat(Stream.of(first), Stream.generate(() -> parse(markup, base, deadline)))
                .iterator();
        List<String> paragraphs;
        try {
            ContentFinder.Found found = ContentFinder.find(trees::next, deadline);
            paragraphs = found.paragraphs();
            if (found.retryCutShort()) {
                log.warn("extracting {} took more than its budget of {}: kept the first attempt's text, the retry"
                        + " with fewer rules was cut short", describe(url), budget);
            }
        } catch (DeadlineExceeded e) {
            paragraphs = new ArrayList<>();
            ParagraphCollector.collectParagraphText(first, paragraphs);
            log.warn("extracting {} took more than its budget of {}: fell back to the text of its <p> elements"
                    + " ({} paragraphs)", describe(url), budget, paragraphs.size());
        }
        paragraphs = preferPublishedBody(paragraphs, meta.articleBody(), deadline);
        List<String> kept = boilerplate.keep(
                HeaderAndFooterLines.drop(dropStamps(dropTitle(paragraphs, meta.title())), meta.byline()));
        String language = meta.language() != null ? meta.language() : LanguageGuesser.guess(String.join(" ", kept));
        URI canonical = meta.canonicalUrl() != null ? meta.canonicalUrl() : url;
        return new ExtractedPage(url, canonical, meta.title(), meta.byline(), meta.published(), language, kept);
    }

    private static String describe(URI url) {
        return url == null ? "a page given without its URL" : url.toString();
    }

    /**
     * The page's own JSON-LD articleBody when the markup gave much less text: pages that render their text with
     * scripts, or hide it behind a consent wall, often still publish it there. Once the budget has run out, a body
     * published as HTML is parsed only when it is {@link #SMALL_PUBLISHED_BODY} characters at most.
     */
    static List<String> preferPublishedBody(List<String> paragraphs, String articleBody, Deadline deadline) {
        if (articleBody == null) {
            return paragraphs;
        }
        int found = paragraphs.stream().mapToInt(String::length).sum();
        String body = Parser.unescapeEntities(articleBody, false);
        if (body.length() < MIN_PUBLISHED_BODY || found * 2 >= body.length()) {
            return paragraphs;
        }
        List<String> published = new ArrayList<>();
        if (body.contains("</")) { // some sites publish the body as HTML
            if (body.length() > SMALL_PUBLISHED_BODY && deadline.passed()) {
                return paragraphs;
            }
            ParagraphCollector.collect(Jsoup.parseBodyFragment(NestingCap.apply(body)).body(), published);
            return published;
        }
        for (String line : body.split("\\n")) {
            if (published.size() >= ParagraphCollector.MAX_PARAGRAPHS) {
                break;
            }
            String p = line.replaceAll("\\s+", " ").strip();
            if (!p.isEmpty()) {
                published.add(p);
            }
        }
        return published;
    }

    /**
     * At most {@code max} characters of markup: a parsed tree takes several times its source in memory, and no article
     * needs more. What is cut is the end of the page, where the parser closes the open elements.
     */
    static String capped(String markup, int max) {
        return markup.length() <= max ? markup : markup.substring(0, max);
    }

    private static Document parse(String markup, String base, Deadline deadline) {
        return Parser.htmlParser().parseInput(new DeadlineReader(markup, deadline), base);
    }

    /**
     * Hands the parser the markup until the deadline has passed, then ends it there, so that no page can keep the
     * parser busy past the budget: the parser closes the elements still open and the tree holds what was read. The
     * clock is first looked at after {@value #READS_PER_CHECK} reads, so the start of the page is always there for the
     * fallback to work on.
     */
    private static final class DeadlineReader extends Reader {
        /** Reads between two looks at the clock: the parser reads a thousand or two characters at a time. */
        private static final int READS_PER_CHECK = 16;

        private final String markup;
        private final Deadline deadline;
        private int position;
        private int reads;

        DeadlineReader(String markup, Deadline deadline) {
            this.markup = markup;
            this.deadline = deadline;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= markup.length() || (++reads % READS_PER_CHECK == 0 && deadline.passed())) {
                return -1;
            }
            int count = Math.min(length, markup.length() - position);
            markup.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
            // nothing to release: the markup is a string
        }
    }

    /** A paragraph that is only a date or a time ("2017-10-05 14:20") is a stamp from the page's header. */
    private static List<String> dropStamps(List<String> paragraphs) {
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            if (!DATE_STAMP.matcher(paragraph).matches()) {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    /** The headline repeated as the first paragraph belongs in {@code title}, not in the text. */
    private static List<String> dropTitle(List<String> paragraphs, String title) {
        if (title == null || paragraphs.isEmpty() || !paragraphs.get(0).strip().equals(title.strip())) {
            return paragraphs;
        }
        return new ArrayList<>(paragraphs.subList(1, paragraphs.size()));
    }
}
