package dev.mojaz.ingest.summary;

import dev.mojaz.text.Sentence;
import dev.mojaz.text.TermAnalyzer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentences of one article as sparse TF-IDF vectors over its own vocabulary (normalised, stop-free, stemmed
 * terms), with IDF taken over the article's sentences. Term ids are article-local; vectors are sorted by id so that a
 * dot product is a merge, linear in the two sentences' lengths.
 */
public final class TermVectors {
    /** Distinct term ids of each sentence, ascending. */
    final int[][] ids;
    /** TF-IDF weight of each of those terms. */
    final double[][] weights;
    /** Euclidean norm of each sentence vector. */
    final double[] norms;
    /** Number of distinct terms in the article. */
    final int vocabulary;
    private final Map<String, Integer> dictionary;

    private TermVectors(int[][] ids, double[][] weights, double[] norms, Map<String, Integer> dictionary) {
        this.ids = ids;
        this.weights = weights;
        this.norms = norms;
        this.dictionary = dictionary;
        this.vocabulary = dictionary.size();
    }

    public static TermVectors of(List<Sentence> sentences, TermAnalyzer analyzer) {
        int n = sentences.size();
        Map<String, Integer> dictionary = new HashMap<>();
        int[][] termIds = new int[n][];
        int[][] counts = new int[n][];
        int[] df = new int[16];
        int[] scratch = new int[64];
        for (int s = 0; s < n; s++) {
            String text = sentences.get(s).text();
            int[] length = {0};
            int[][] buffer = {scratch};
            analyzer.terms(text, 0, text.length(), term -> {
                Integer id = dictionary.get(term);
                if (id == null) {
                    id = dictionary.size();
                    dictionary.put(term, id);
                }
                if (length[0] == buffer[0].length) {
                    buffer[0] = Arrays.copyOf(buffer[0], length[0] * 2);
                }
                buffer[0][length[0]++] = id;
            });
            scratch = buffer[0];
            int[] sorted = Arrays.copyOf(scratch, length[0]);
            Arrays.sort(sorted);
            // Run-length: distinct ids and their counts.
            int distinct = 0;
            int[] ids = new int[sorted.length];
            int[] tf = new int[sorted.length];
            for (int k = 0; k < sorted.length; k++) {
                if (distinct > 0 && ids[distinct - 1] == sorted[k]) {
                    tf[distinct - 1]++;
                } else {
                    ids[distinct] = sorted[k];
                    tf[distinct++] = 1;
                }
            }
            termIds[s] = Arrays.copyOf(ids, distinct);
            counts[s] = Arrays.copyOf(tf, distinct);
            if (dictionary.size() > df.length) {
                df = Arrays.copyOf(df, Math.max(dictionary.size(), df.length * 2));
            }
            for (int k = 0; k < distinct; k++) {
                df[ids[k]]++;
            }
        }
        double[] idf = new double[dictionary.size()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = Math.log((n + 1.0) / df[t]);
        }
        double[][] weights = new double[n][];
        double[] norms = new double[n];
        for (int s = 0; s < n; s++) {
            double[] w = new double[termIds[s].length];
            double sum = 0;
            for (int k = 0; k < w.length; k++) {
                w[k] = counts[s][k] * idf[termIds[s][k]];
                sum += w[k] * w[k];
            }
            weights[s] = w;
            norms[s] = Math.sqrt(sum);
        }
        return new TermVectors(termIds, weights, norms, dictionary);
    }

    public int size() {
        return ids.length;
    }

    /** Cosine similarity of sentences {@code a} and {@code b}. */
    public double cosine(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        int[] ia = ids[a];
        int[] ib = ids[b];
        double[] wa = weights[a];
        double[] wb = weights[b];
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                dot += wa[i++] * wb[j++];
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (norms[a] * norms[b]);
    }

    /** Share of the smaller sentence's distinct terms that the other one also has (1 for a sentence repeated). */
    public double containment(int a, int b) {
        int[] ia = ids[a];
        int[] ib = ids[b];
        int smaller = Math.min(ia.length, ib.length);
        if (smaller == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                common++;
                i++;
                j++;
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / smaller;
    }

    /**
     * For each sentence, the sum of its cosine similarities with all the other sentences, in linear time: with
     * {@code u} the unit vectors and {@code U} their sum, {@code Σ_{j≠i} cos(i, j) = u_i · U − 1}.
     */
    public double[] similaritySums() {
        double[] sum = new double[vocabulary];
        for (int s = 0; s < ids.length; s++) {
            if (norms[s] == 0) {
                continue;
            }
            for (int k = 0; k < ids[s].length; k++) {
                sum[ids[s][k]] += weights[s][k] / norms[s];
            }
        }
        double[] sums = new double[ids.length];
        for (int s = 0; s < ids.length; s++) {
            if (norms[s] == 0) {
                continue;
            }
            double dot = 0;
            for (int k = 0; k < ids[s].length; k++) {
                dot += weights[s][k] / norms[s] * sum[ids[s][k]];
            }
            sums[s] = Math.max(0, dot - 1);
        }
        return sums;
    }

    /** Id of an article term, or -1 when the article does not have it. */
    public int id(String term) {
        Integer id = dictionary.get(term);
        return id == null ? -1 : id;
    }

    /** Whether sentence {@code s} contains term {@code id}. */
    public boolean contains(int s, int id) {
        return Arrays.binarySearch(ids[s], id) >= 0;
    }
}
