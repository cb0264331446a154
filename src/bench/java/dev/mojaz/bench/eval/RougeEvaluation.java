package dev.mojaz.bench.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The EASC protocol: each system orders an article's sentences; sentences are taken in that order until the
 * article's length budget (the mean length of its references, in {@link RougeTokenizer} tokens, rounded) is reached
 * or passed, then put back in article order; ROUGE-1, -2 and -L F1 against each reference are averaged over the
 * references, then over the articles.
 */
public final class RougeEvaluation {
    private RougeEvaluation() {
    }

    /** A sentence a system may pick, with its position in the article (for putting the picks back in order). */
    public record Candidate(String text, int position) {
    }

    /** A system under evaluation: the article's sentences in the order it would take them. */
    @FunctionalInterface
    public interface SentenceOrder {
        List<Candidate> order(EascArticle article);
    }

    /**
     * Mean F1 × 100 over the articles scored, and the mean summary length over the budget (the last sentence may
     * pass the budget, and on this set a longer summary scores higher, so systems are compared at this ratio too).
     */
    public record Result(String system, double rouge1, double rouge2, double rougeL, double lengthRatio, int articles) {
    }

    /** The Lead baseline: the article's sentences (protocol splitting) in article order. */
    public static final SentenceOrder LEAD = article -> {
        List<String> sentences = ProtocolSplitter.split(article.article());
        List<Candidate> candidates = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            candidates.add(new Candidate(sentences.get(i), i));
        }
        return candidates;
    };

    public static Result evaluate(String system, List<EascArticle> articles, SentenceOrder order) {
        return evaluate(system, articles, order, a -> true, false);
    }

    /**
     * Scores {@code order} over the articles {@code include} accepts (for cross-validation folds).
     *
     * @param cutAtBudget cut each summary at exactly the budget (not part of the protocol: a diagnostic that
     *                    compares what systems pick at equal length, since on this set a longer summary scores higher)
     */
    public static Result evaluate(String system, List<EascArticle> articles, SentenceOrder order,
                                  Predicate<EascArticle> include, boolean cutAtBudget) {
        double r1 = 0;
        double r2 = 0;
        double rl = 0;
        double length = 0;
        int count = 0;
        for (EascArticle article : articles) {
            if (!include.test(article)) {
                continue;
            }
            double[] scores = score(article, order, cutAtBudget);
            r1 += scores[0];
            r2 += scores[1];
            rl += scores[2];
            length += scores[3];
            count++;
        }
        return count == 0 ? new Result(system, 0, 0, 0, 0, 0)
                : new Result(system, 100 * r1 / count, 100 * r2 / count, 100 * rl / count, length / count, count);
    }

    /**
     * ROUGE-1, -2 and -L F1 of one article's budgeted summary, averaged over its references, and the summary's length
     * over the budget.
     */
    public static double[] score(EascArticle article, SentenceOrder order) {
        return score(article, order, false);
    }

    private static double[] score(EascArticle article, SentenceOrder order, boolean cutAtBudget) {
        int budget = budget(article);
        List<String> summary = summaryTokens(order.order(article), budget);
        if (cutAtBudget && summary.size() > budget) {
            summary = summary.subList(0, budget);
        }
        double[] sums = new double[3];
        for (String reference : article.references()) {
            List<String> ref = RougeTokenizer.tokens(reference);
            sums[0] += Rouge.n(1, summary, ref).f1();
            sums[1] += Rouge.n(2, summary, ref).f1();
            sums[2] += Rouge.l(summary, ref).f1();
        }
        int refs = article.references().size();
        return new double[] {sums[0] / refs, sums[1] / refs, sums[2] / refs,
                budget == 0 ? 0 : (double) summary.size() / budget};
    }

    /** The article's budget: the mean token length of its references, rounded. */
    public static int budget(EascArticle article) {
        double total = 0;
        for (String reference : article.references()) {
            total += RougeTokenizer.tokens(reference).size();
        }
        return (int) Math.round(total / article.references().size());
    }

    /** Takes candidates in order until the budget is reached or passed, and returns their tokens in article order. */
    public static List<String> summaryTokens(List<Candidate> ordered, int budget) {
        List<Candidate> picked = new ArrayList<>();
        int length = 0;
        for (Candidate candidate : ordered) {
            if (length >= budget) {
                break;
            }
            picked.add(candidate);
            length += RougeTokenizer.tokens(candidate.text()).size();
        }
        picked.sort(Comparator.comparingInt(Candidate::position));
        List<String> tokens = new ArrayList<>(length);
        for (Candidate candidate : picked) {
            tokens.addAll(RougeTokenizer.tokens(candidate.text()));
        }
        return tokens;
    }
}
