package dev.mojaz.ingest.extract;

import dev.mojaz.text.ArabicNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Boilerplate learned from one source's own articles: a paragraph that recurs across many different articles of a
 * site (the promotion line under every story, a fixed "about us" footer, the same disclaimer) is not article text,
 * even when no rule names it.
 *
 * <p>A paragraph is learned when, after normalisation (Arabic spelling folded, case and whitespace folded, every run
 * of digits counted as one digit), it occurs in at least {@code minArticles} of the recent texts and in at least
 * {@code minShare} of them. Long paragraphs are never learned: two reports of the same story may share a long
 * quotation, but a repeated promotion is short.
 *
 * <p>Typical use, once per source and poll (texts newest first, as the store gives them):
 * <pre>{@code
 * RepeatedBoilerplate learned = RepeatedBoilerplate.learn(articles.recentTexts(sourceId, 50));
 * ExtractedPage page = learned.filter(extractor.extract(body, contentType, url));
 * }</pre>
 * Immutable and thread-safe.
 */
public final class RepeatedBoilerplate {
    /** The fewest articles a paragraph must appear in before it counts as the site's boilerplate. */
    public static final int DEFAULT_MIN_ARTICLES = 3;
    /** The smallest share of the recent articles a paragraph must appear in. */
    public static final double DEFAULT_MIN_SHARE = 0.3;
    /** Longer paragraphs (in characters, normalised) are never learned. */
    public static final int MAX_LENGTH = 400;

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n|\\r\\n\\s*\\r\\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static final RepeatedBoilerplate NONE = new RepeatedBoilerplate(Set.of());

    private final Set<String> learned;

    private RepeatedBoilerplate(Set<String> learned) {
        this.learned = Set.copyOf(learned);
    }

    /** Learns nothing: filters nothing. */
    public static RepeatedBoilerplate none() {
        return NONE;
    }

    /** Learns from article texts (paragraphs separated by blank lines) with the default thresholds. */
    public static RepeatedBoilerplate learn(Collection<String> texts) {
        return learn(texts, DEFAULT_MIN_ARTICLES, DEFAULT_MIN_SHARE);
    }

    /**
     * Learns from article texts (paragraphs separated by blank lines).
     *
     * @param minArticles a paragraph must occur in at least this many texts (at least 2)
     * @param minShare    and in at least this share of them (0 to 1)
     */
    public static RepeatedBoilerplate learn(Collection<String> texts, int minArticles, double minShare) {
        Objects.requireNonNull(texts, "texts");
        if (minArticles < 2) {
            throw new IllegalArgumentException("minArticles must be at least 2, not " + minArticles);
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minShare must be between 0 and 1, not " + minShare);
        }
        Map<String, Integer> articlesWith = new HashMap<>();
        int count = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            count++;
            Set<String> seen = new HashSet<>();
            for (String paragraph : PARAGRAPH_BREAK.split(text)) {
                String key = key(paragraph);
                if (!key.isEmpty() && key.length() <= MAX_LENGTH && seen.add(key)) {
                    articlesWith.merge(key, 1, Integer::sum);
                }
            }
        }
        int needed = Math.max(minArticles, (int) Math.ceil(minShare * count));
        Set<String> learned = new HashSet<>();
        articlesWith.forEach((key, n) -> {
            if (n >= needed) {
                learned.add(key);
            }
        });
        return learned.isEmpty() ? NONE : new RepeatedBoilerplate(learned);
    }

    /** Whether {@code paragraph} is one of the learned boilerplate paragraphs. */
    public boolean isBoilerplate(String paragraph) {
        return !learned.isEmpty() && learned.contains(key(paragraph));
    }

    /** The paragraphs that are not learned boilerplate, in order. */
    public List<String> filter(List<String> paragraphs) {
        if (learned.isEmpty()) {
            return paragraphs;
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            if (!isBoilerplate(paragraph)) {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    /** The page with its learned boilerplate paragraphs removed. */
    public ExtractedPage filter(ExtractedPage page) {
        List<String> kept = filter(page.paragraphs());
        if (kept.size() == page.paragraphs().size()) {
            return page;
        }
        return new ExtractedPage(page.url(), page.canonicalUrl(), page.title(), page.byline(), page.published(),
                page.language(), kept);
    }

    /** How many distinct paragraphs were learned. */
    public int size() {
        return learned.size();
    }

    private static String key(String paragraph) {
        String normalized = ArabicNormalizer.normalize(paragraph.strip());
        normalized = SPACES.matcher(normalized).replaceAll(" ");
        return DIGITS.matcher(normalized).replaceAll("0");
    }
}
