package dev.mojaz.ingest.dedupe;

import dev.mojaz.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The sentences two reports of one event agree on: pairs of body sentences, one from each, that say the same thing
 * in other words (what several outlets agree on is what a story's summary should say first).
 *
 * <p>Two sentences agree when the IDF-weighted Dice coefficient of their term sets reaches
 * {@link #MIN_SIMILARITY}: {@code 2 Σ idf(shared) / (Σ idf(A) + Σ idf(B))}. Rare shared terms (names, figures)
 * weigh most, so "قتل سبعة أشخاص في بوقنادل" and "لقي سبعة مصرعهم قرب بوقنادل" agree while two sentences that only
 * share "قال" and "وزير" do not. Each sentence agrees with at most one of the other report (the best, greedily),
 * so a long report cannot count one sentence of a short one several times. Stateless; deterministic.
 */
public final class SentenceAgreement {
    /** Similarity two sentences need; at 0.35 a reworded sentence with the same names and figures passes. */
    public static final double MIN_SIMILARITY = 0.35;

    private SentenceAgreement() {
    }

    /** Two sentences that agree, one from each report, with their similarity. */
    public record AgreedSentence(Sentence first, Sentence second, double similarity) {
        public AgreedSentence {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /** A sentence of a report and how many of the other reports have a sentence that agrees with it. */
    public record Support(Sentence sentence, int reports) {
        public Support {
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    /** The agreeing sentence pairs of {@code first} and {@code second}, in the order of {@code first}. */
    public static List<AgreedSentence> between(AnalyzedReport first, AnalyzedReport second,
                                               TermStatistics statistics) {
        List<AnalyzedReport.SentenceTerms> a = first.sentences();
        List<AnalyzedReport.SentenceTerms> b = second.sentences();
        double[] massA = masses(a, statistics);
        double[] massB = masses(b, statistics);
        record Candidate(int i, int j, double similarity) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double shared = sharedMass(a.get(i).terms(), b.get(j).terms(), statistics);
                double similarity = massA[i] + massB[j] == 0 ? 0 : 2 * shared / (massA[i] + massB[j]);
                if (similarity >= MIN_SIMILARITY) {
                    candidates.add(new Candidate(i, j, similarity));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::i).thenComparingInt(Candidate::j));
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<AgreedSentence> agreed = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!usedA[c.i()] && !usedB[c.j()]) {
                usedA[c.i()] = true;
                usedB[c.j()] = true;
                agreed.add(new AgreedSentence(a.get(c.i()).sentence(), b.get(c.j()).sentence(), c.similarity()));
            }
        }
        agreed.sort(Comparator.comparingInt((AgreedSentence s) -> s.first().start()));
        return agreed;
    }

    /**
     * For each body sentence of {@code report}, in order, how many of {@code others} agree with it: a story's
     * summary can rank first what most outlets say.
     */
    public static List<Support> support(AnalyzedReport report, List<AnalyzedReport> others,
                                        TermStatistics statistics) {
        int[] counts = new int[report.sentences().size()];
        for (AnalyzedReport other : others) {
            if (other == report) {
                continue;
            }
            for (AgreedSentence agreed : between(report, other, statistics)) {
                for (int i = 0; i < counts.length; i++) {
                    if (report.sentences().get(i).sentence() == agreed.first()) {
                        counts[i]++;
                        break;
                    }
                }
            }
        }
        List<Support> support = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            support.add(new Support(report.sentences().get(i).sentence(), counts[i]));
        }
        return support;
    }

    private static double[] masses(List<AnalyzedReport.SentenceTerms> sentences, TermStatistics statistics) {
        double[] mass = new double[sentences.size()];
        for (int i = 0; i < mass.length; i++) {
            for (String term : sentences.get(i).terms()) {
                mass[i] += statistics.idf(term);
            }
        }
        return mass;
    }

    private static double sharedMass(Set<String> a, Set<String> b, TermStatistics statistics) {
        // Over a, whichever is smaller: the shared terms come in sorted order either way, so the sum is symmetric.
        double shared = 0;
        for (String term : a) {
            if (b.contains(term)) {
                shared += statistics.idf(term);
            }
        }
        return shared;
    }
}
