package dev.mojaz.ingest.dedupe;

import dev.mojaz.text.Sentence;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A report as the grouper compares it, worked out once ({@link ReportAnalyzer}).
 *
 * @param report    the report itself
 * @param leadTerms term counts of the headline and the opening sentences, where every outlet puts the who, what,
 *                  where and how many of an event (what comes later is background, and differs between outlets)
 * @param terms     every distinct term of the report: what the corpus statistics count
 * @param numbers   the numbers of the lead, written one way ("٥٫٩" and "5.9" are both "5.9", "1,500" is "1500")
 * @param sentences the body sentences with their terms, for {@link SentenceAgreement}
 */
public record AnalyzedReport(
        Report report,
        Map<String, Integer> leadTerms,
        Set<String> terms,
        Set<String> numbers,
        List<SentenceTerms> sentences) {

    /**
     * Terms and numbers are kept sorted: every sum over them then runs in one order, so a comparison gives the same
     * bits both ways round and in every run ({@code Set.copyOf} iterates in an order salted per JVM).
     */
    public AnalyzedReport {
        Objects.requireNonNull(report, "report");
        leadTerms = Collections.unmodifiableSortedMap(new TreeMap<>(leadTerms));
        terms = sorted(terms);
        numbers = sorted(numbers);
        sentences = List.copyOf(sentences);
    }

    static Set<String> sorted(Set<String> set) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }

    /** One body sentence and the set of its terms. */
    public record SentenceTerms(Sentence sentence, Set<String> terms) {
        public SentenceTerms {
            Objects.requireNonNull(sentence, "sentence");
            terms = sorted(terms);
        }
    }
}
