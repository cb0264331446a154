package dev.mojaz.ingest.dedupe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether two reports tell the same event, precision first: a false merge hides a piece of news, a missed
 * one only shows a story twice.
 *
 * <p>Two reports are one event when all of these hold:
 * <ul>
 *   <li>they come from different outlets, within {@link GroupingSettings#window()} of each other;</li>
 *   <li>their figures do not disagree ({@link Comparison#numbersDisagree()});</li>
 *   <li>they share at least {@link GroupingSettings#minSharedNames()} rare terms;</li>
 *   <li>the evidence, the largest of three views of the text, reaches a threshold that rises with the hours between
 *       them: alike leads ({@link Comparison#leadCosine()}), alike whole texts ({@link Comparison#textCosine()}),
 *       or one lead inside the other text ({@link Comparison#containment()}, weighted down).</li>
 * </ul>
 * Every view weighs terms by their rarity in the reports seen so far ({@link TermStatistics}), which is how names
 * stand out in Arabic, where nothing marks them. Stateless and thread-safe; the statistics must not change during a
 * call.
 */
public final class EventMatcher {
    private final GroupingSettings settings;

    public EventMatcher(GroupingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GroupingSettings settings() {
        return settings;
    }

    public Comparison compare(AnalyzedReport a, AnalyzedReport b, TermStatistics statistics) {
        double hours = Math.abs(Duration.between(a.report().published(), b.report().published()).toSeconds())
                / 3600.0;
        boolean sameSource = a.report().source().equals(b.report().source());
        double leadCosine = leadCosine(a.leadTerms(), b.leadTerms(), statistics);
        double textCosine = setCosine(a.terms(), b.terms(), statistics);
        double containment = Math.max(containment(a.leadTerms().keySet(), b.terms(), statistics),
                containment(b.leadTerms().keySet(), a.terms(), statistics));
        List<String> names = sharedNames(a, b, statistics);
        List<String> numbers = new ArrayList<>(new TreeSet<>(a.numbers()));
        numbers.retainAll(b.numbers());
        boolean disagree = numbersDisagree(a.numbers(), b.numbers());
        double score = Math.max(Math.max(leadCosine, textCosine), settings.containmentWeight() * containment);
        double threshold = settings.thresholdAt(hours);
        boolean same = !sameSource
                && hours <= settings.window().toSeconds() / 3600.0
                && !disagree
                && names.size() >= settings.minSharedNames()
                && score >= threshold;
        return new Comparison(hours, sameSource, leadCosine, textCosine, containment, names, numbers, disagree,
                score, threshold, same);
    }

    /** Cosine of sublinear-TF × IDF vectors. */
    static double leadCosine(Map<String, Integer> a, Map<String, Integer> b, TermStatistics statistics) {
        double dot = 0;
        double normA = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            double idf = statistics.idf(e.getKey());
            double wa = (1 + Math.log(e.getValue())) * idf;
            normA += wa * wa;
            Integer countB = b.get(e.getKey());
            if (countB != null) {
                dot += wa * (1 + Math.log(countB)) * idf;
            }
        }
        double normB = 0;
        for (Map.Entry<String, Integer> e : b.entrySet()) {
            double wb = (1 + Math.log(e.getValue())) * statistics.idf(e.getKey());
            normB += wb * wb;
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    /** Cosine of IDF-weighted term sets (how often a term recurs in a long text says little about the event). */
    static double setCosine(Set<String> a, Set<String> b, TermStatistics statistics) {
        double dot = 0;
        double normA = 0;
        for (String term : a) {
            double w = statistics.idf(term);
            normA += w * w;
            if (b.contains(term)) {
                dot += w * w;
            }
        }
        double normB = 0;
        for (String term : b) {
            double w = statistics.idf(term);
            normB += w * w;
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    /** The share of {@code lead}'s IDF mass found in {@code text}. */
    static double containment(Set<String> lead, Set<String> text, TermStatistics statistics) {
        double found = 0;
        double all = 0;
        for (String term : lead) {
            double w = statistics.idf(term);
            all += w;
            if (text.contains(term)) {
                found += w;
            }
        }
        return all == 0 ? 0 : found / all;
    }

    /** Rare terms of either lead that the other report has anywhere, rarest first (then alphabetical: stable). */
    private List<String> sharedNames(AnalyzedReport a, AnalyzedReport b, TermStatistics statistics) {
        Set<String> names = new TreeSet<>();
        for (String term : a.leadTerms().keySet()) {
            if (b.terms().contains(term) && statistics.isRare(term, settings.rareShare())) {
                names.add(term);
            }
        }
        for (String term : b.leadTerms().keySet()) {
            if (a.terms().contains(term) && statistics.isRare(term, settings.rareShare())) {
                names.add(term);
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingDouble((String t) -> -statistics.idf(t)).thenComparing(t -> t));
        return sorted;
    }

    /** See {@link Comparison#numbersDisagree()}. */
    static boolean numbersDisagree(Set<String> a, Set<String> b) {
        int shared = 0;
        int onlyA = 0;
        for (String n : a) {
            if (isSpecific(n)) {
                if (b.contains(n)) {
                    shared++;
                } else {
                    onlyA++;
                }
            }
        }
        int onlyB = 0;
        for (String n : b) {
            if (isSpecific(n) && !a.contains(n)) {
                onlyB++;
            }
        }
        return onlyA > 0 && onlyB > 0 && shared <= Math.min(onlyA, onlyB);
    }

    /**
     * A figure that identifies an event: three digits or more, or a decimal ("5.9", "284", "27.25"). Two-digit
     * integers are too often a day, an hour or a karat, and four-digit numbers from 1900 to 2099 are years.
     */
    static boolean isSpecific(String number) {
        int digits = 0;
        boolean decimal = false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '.') {
                decimal = true;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        if (decimal) {
            return true;
        }
        boolean year = digits == 4 && (number.startsWith("19") || number.startsWith("20"));
        return digits >= 3 && !year;
    }
}
