package dev.mojaz.ingest.summary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mojaz.config.SummaryConfig;
import dev.mojaz.text.BoilerplateFilter;
import dev.mojaz.text.Sentence;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one entry point for summaries: the article's own best sentences, exactly as written, in article order.
 *
 * <p>The text goes through the {@link SentenceSplitter} (boilerplate lines dropped, headings, datelines, bylines and
 * fragments set aside), the {@link SentenceRanker} orders the body sentences, and the {@link SummaryLength} decides
 * how many of them, in rank order, make the summary. When no title is given and the text starts with a heading, that
 * heading is taken as the title.
 *
 * <p>Summaries are cached (Caffeine, {@code summary.cache-size} entries, 0 for none), keyed by a SHA-256 digest of
 * title and text plus the length, so the cache holds no article text and equal inputs hit. Thread-safe.
 */
public final class Summarizer {
    private final SummaryConfig config;
    private final SentenceSplitter splitter;
    private final SentenceRanker ranker;
    private final Cache<Key, Summary> cache;

    /** The standard parts: Mojaz's boilerplate rules, Lucene-based terms, the default ranking weights. */
    public Summarizer(SummaryConfig config) {
        this(config, new SentenceSplitter(BoilerplateFilter.standard()), new SentenceRanker(TermAnalyzer.standard()));
    }

    public Summarizer(SummaryConfig config, SentenceSplitter splitter, SentenceRanker ranker) {
        this.config = Objects.requireNonNull(config, "config");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        this.cache = config.cacheSize() == 0 ? null : Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
    }

    /** A summary of the default length (about three sentences, at most about 600 characters). */
    public Summary summarize(String title, String text) {
        return summarize(title, text, defaultLength());
    }

    /** The default length from the configuration. */
    public SummaryLength defaultLength() {
        return SummaryLength.sentences(config.sentences()).capped(config.maxCharacters());
    }

    /**
     * A summary of {@code text}; {@code title} may be null or empty. The summary is empty when the text has no body
     * sentence (empty, only boilerplate, only headings or fragments).
     */
    public Summary summarize(String title, String text, SummaryLength length) {
        Objects.requireNonNull(length, "length");
        if (text == null || text.isBlank()) {
            return new Summary(List.of());
        }
        if (cache == null) {
            return compute(title, text, length);
        }
        return cache.get(new Key(digest(title, text), length), key -> compute(title, text, length));
    }

    /** The article as the summariser sees it: every piece with its role, and the body sentences in rank order. */
    public RankedArticle rank(String title, String text) {
        List<Sentence> pieces = text == null ? List.of() : splitter.split(text);
        String effectiveTitle = title;
        if ((title == null || title.isBlank()) && !pieces.isEmpty() && pieces.get(0).role() == Sentence.Role.HEADING) {
            effectiveTitle = pieces.get(0).text();
        }
        List<Sentence> body = pieces.stream().filter(Sentence::isBody).toList();
        return new RankedArticle(effectiveTitle == null ? "" : effectiveTitle, pieces, ranker.rank(body, effectiveTitle));
    }

    /** Cached entries (for the memory benchmark and tests); 0 without a cache. */
    public long cachedSummaries() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Summary compute(String title, String text, SummaryLength length) {
        return new Summary(select(rank(title, text).ranked(), length).stream().map(Sentence::text).toList());
    }

    /**
     * Takes sentences in rank order until the length is met and returns them in article order. With a character
     * cap, a sentence that would pass it is passed over for a shorter one further down, except the first pick, which
     * is always kept.
     */
    static List<Sentence> select(List<Sentence> ranked, SummaryLength length) {
        List<Sentence> picked = new ArrayList<>();
        int words = 0;
        int characters = 0;
        for (Sentence sentence : ranked) {
            if (length.sentences() > 0 && picked.size() >= length.sentences()) {
                break;
            }
            if (length.words() > 0 && words >= length.words()) {
                break;
            }
            int added = sentence.text().length() + (picked.isEmpty() ? 0 : 1);
            if (length.maxCharacters() > 0 && !picked.isEmpty() && characters + added > length.maxCharacters()) {
                continue;
            }
            picked.add(sentence);
            words += sentence.words();
            characters += added;
        }
        picked.sort(Comparator.comparingInt(Sentence::start));
        return picked;
    }

    private static Digest digest(String title, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0); // separator: ("ab", "c") and ("a", "bc") differ
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(sha.digest());
            return new Digest(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private record Digest(long a, long b, long c, long d) {
    }

    private record Key(Digest input, SummaryLength length) {
    }
}
