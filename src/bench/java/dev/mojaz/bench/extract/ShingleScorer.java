package dev.mojaz.bench.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring rule of the Scrapinghub article-extraction benchmark: word tokens ({@code \w+}, Unicode, case kept),
 * 4-token shingles counted as multisets, precision and recall per page, means over pages, F1 from the two means.
 *
 * <p>A text shorter than four tokens is one shingle (its tokens joined); an empty text has no shingles. A page where
 * nothing was expected and nothing extracted scores 1 for both precision and recall.
 */
public final class ShingleScorer {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;

    /** Precision and recall of one page. */
    public record PageScore(double precision, double recall) {
    }

    /** Means over pages and the F1 computed from them. */
    public record Totals(int pages, double precision, double recall) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private final List<PageScore> pages = new ArrayList<>();

    /** Scores one page and adds it to the totals. */
    public PageScore add(String expected, String extracted) {
        PageScore score = score(expected, extracted);
        pages.add(score);
        return score;
    }

    public Totals totals() {
        double p = 0;
        double r = 0;
        for (PageScore s : pages) {
            p += s.precision();
            r += s.recall();
        }
        int n = pages.size();
        return new Totals(n, n == 0 ? 0 : p / n, n == 0 ? 0 : r / n);
    }

    /** One page's precision and recall. */
    public static PageScore score(String expected, String extracted) {
        Map<String, Integer> truth = shingles(expected);
        Map<String, Integer> got = shingles(extracted);
        long tp = 0;
        long fp = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            int shared = Math.min(e.getValue(), truth.getOrDefault(e.getKey(), 0));
            tp += shared;
            fp += e.getValue() - shared;
        }
        long expectedCount = truth.values().stream().mapToLong(Integer::longValue).sum();
        long fn = expectedCount - tp;
        if (fp == 0 && fn == 0) {
            return new PageScore(1, 1);
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return new PageScore(precision, recall);
    }

    /** The text's 4-token shingles with their counts. */
    static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        if (tokens.size() < N) {
            counts.put(String.join(" ", tokens), 1);
            return counts;
        }
        for (int i = 0; i + N <= tokens.size(); i++) {
            String shingle = tokens.get(i) + ' ' + tokens.get(i + 1) + ' ' + tokens.get(i + 2) + ' ' + tokens.get(i + 3);
            counts.merge(shingle, 1, Integer::sum);
        }
        return counts;
    }
}
