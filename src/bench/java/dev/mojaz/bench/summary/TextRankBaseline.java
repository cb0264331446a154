package dev.mojaz.bench.summary;

import dev.mojaz.ingest.summary.SentenceRanker;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.ingest.summary.TermVectors;
import dev.mojaz.text.Sentence;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Plain TextRank (Mihalcea and Tarau, 2004) over TF-IDF cosine similarity: the baseline the benchmark and the
 * evaluation compare Mojaz's ranking with. Same sentences and terms as {@link Summarizer} (so a comparison measures
 * the ranking, not the splitting), a full similarity graph, PageRank with damping 0.85 until the scores move less
 * than 1e-6, best-scored sentences first. Not used by the product.
 */
public final class TextRankBaseline {
    private static final double DAMPING = 0.85;
    private static final double EPSILON = 1e-6;
    private static final int MAX_ITERATIONS = 100;

    private final SentenceSplitter splitter;
    private final TermAnalyzer analyzer;

    public TextRankBaseline(SentenceSplitter splitter, TermAnalyzer analyzer) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The body sentences of {@code text}, best TextRank score first. */
    public List<Sentence> rank(String text) {
        List<Sentence> body = splitter.bodySentences(text);
        if (body.size() > SentenceRanker.MAX_CANDIDATES) {
            body = body.subList(0, SentenceRanker.MAX_CANDIDATES);
        }
        int n = body.size();
        if (n <= 1) {
            return body;
        }
        TermVectors vectors = TermVectors.of(body, analyzer);
        double[][] similarity = new double[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = vectors.cosine(i, j);
                similarity[i][j] = s;
                similarity[j][i] = s;
                outWeight[i] += s;
                outWeight[j] += s;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0 / n);
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (outWeight[j] > 0) {
                        sum += similarity[j][i] / outWeight[j] * score[j];
                    }
                }
                next[i] = (1 - DAMPING) / n + DAMPING * sum;
                change += Math.abs(next[i] - score[i]);
            }
            double[] swap = score;
            score = next;
            next = swap;
            if (change < EPSILON) {
                break;
            }
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        double[] finalScore = score;
        order.sort(Comparator.comparingDouble((Integer i) -> -finalScore[i]).thenComparingInt(i -> i));
        List<Sentence> ranked = new ArrayList<>(n);
        for (int i : order) {
            ranked.add(body.get(i));
        }
        return ranked;
    }

    /** The {@code count} best sentences in article order: a TextRank summary. */
    public List<String> summarize(String text, int count) {
        List<Sentence> ranked = rank(text);
        List<Sentence> picked = new ArrayList<>(ranked.subList(0, Math.min(count, ranked.size())));
        picked.sort(Comparator.comparingInt(Sentence::start));
        return picked.stream().map(Sentence::text).toList();
    }
}
