package dev.mojaz.ingest.dedupe;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many of the reports seen so far contain each term: what makes a name rare enough to tie two reports together.
 * Arabic has no capital letters to mark a name, so rarity over the corpus is the signal: "ملاطية", "قالي", "5.9"
 * occur in a handful of reports, "وزير" and "اليوم" in most.
 *
 * <p>Memory is bounded: past {@link #maxTerms} distinct terms, the terms seen in one report only are forgotten
 * (they cannot tie two reports anyway until seen again). Deterministic; not thread-safe (the grouper owns it).
 */
public final class TermStatistics {
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int maxTerms;
    private long documents;

    /** Statistics that forget single-report terms past {@code maxTerms} distinct terms. */
    public TermStatistics(int maxTerms) {
        if (maxTerms < 1) {
            throw new IllegalArgumentException("maxTerms must be positive: " + maxTerms);
        }
        this.maxTerms = maxTerms;
    }

    /** Statistics for a stream of news: a few hundred thousand terms at most. */
    public TermStatistics() {
        this(500_000);
    }

    /** Counts one report, given the set of its distinct terms. */
    public void add(Set<String> terms) {
        documents++;
        for (String term : terms) {
            documentFrequency.merge(term, 1, Integer::sum);
        }
        if (documentFrequency.size() > maxTerms) {
            documentFrequency.values().removeIf(n -> n <= 1);
        }
    }

    /** Reports counted. */
    public long documents() {
        return documents;
    }

    /** Reports that contained {@code term}. */
    public int documentFrequency(String term) {
        return documentFrequency.getOrDefault(term, 0);
    }

    /**
     * Whether {@code term} is in at most {@code share} of the reports seen, or in two at most: a term shared by two
     * reports and by no other is as rare as a shared term can be, however few reports have been seen (so a cold
     * start still finds names).
     */
    public boolean isRare(String term, double share) {
        int df = documentFrequency(term);
        return df <= Math.max(2, share * documents);
    }

    /**
     * Inverse document frequency, BM25's form: {@code ln(1 + (N - df + 0.5) / (df + 0.5))}. Always positive, and it
     * does not blow up for a term seen nowhere else (a new name gets the highest weight, not infinity).
     */
    public double idf(String term) {
        double df = documentFrequency(term);
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }
}
