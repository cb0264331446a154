package dev.mojaz.bench.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-N (n-gram multiset overlap) and ROUGE-L (longest common subsequence) between one candidate and one
 * reference token sequence (Lin, 2004). Averaging over references and articles is {@link RougeEvaluation}'s job.
 */
public final class Rouge {
    private Rouge() {
    }

    /** Precision, recall and their harmonic mean, each in [0, 1]. */
    public record Score(double precision, double recall, double f1) {
        public static final Score ZERO = new Score(0, 0, 0);

        static Score of(double overlap, int candidateCount, int referenceCount) {
            double precision = candidateCount == 0 ? 0 : overlap / candidateCount;
            double recall = referenceCount == 0 ? 0 : overlap / referenceCount;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Score(precision, recall, f1);
        }
    }

    /**
     * ROUGE-N: the n-grams the two share, counted as multisets (an n-gram twice in the candidate and once in the
     * reference counts once), over the candidate's n-grams (precision) and the reference's (recall).
     */
    public static Score n(int n, List<String> candidate, List<String> reference) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        Map<List<String>, Integer> referenceGrams = grams(n, reference);
        int candidateCount = Math.max(0, candidate.size() - n + 1);
        int referenceCount = Math.max(0, reference.size() - n + 1);
        int overlap = 0;
        for (int i = 0; i + n <= candidate.size(); i++) {
            List<String> gram = candidate.subList(i, i + n);
            Integer left = referenceGrams.get(gram);
            if (left != null && left > 0) {
                overlap++;
                referenceGrams.put(gram, left - 1);
            }
        }
        return Score.of(overlap, candidateCount, referenceCount);
    }

    /** ROUGE-L: the longest common subsequence over the candidate's length (precision) and the reference's (recall). */
    public static Score l(List<String> candidate, List<String> reference) {
        return Score.of(lcs(candidate, reference), candidate.size(), reference.size());
    }

    /** Length of the longest common subsequence, in O(|a| × |b|) time and O(|b|) memory. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<List<String>, Integer> grams(int n, List<String> tokens) {
        Map<List<String>, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            grams.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return grams;
    }
}
