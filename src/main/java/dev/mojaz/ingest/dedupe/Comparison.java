package dev.mojaz.ingest.dedupe;

import java.util.List;

/**
 * What two reports share, and the verdict ({@link EventMatcher}).
 *
 * @param hoursApart      publication times apart, in hours
 * @param sameSource      both from one outlet: never one event for the grouper (an outlet's second report on an
 *                        event is an update, and its copies are caught earlier by SimHash)
 * @param leadCosine      cosine of the IDF-weighted term vectors of the two leads (headline and opening sentences)
 * @param textCosine      cosine of the IDF-weighted term sets of the whole texts: long reports that tell one event
 *                        in a different order
 * @param containment     how much of one lead (IDF mass) the other text contains, the larger of the two ways: a
 *                        one-line urgent item inside a full report, or a rewrite of one story of a long report
 * @param sharedNames     terms rare in the corpus that one lead and the other text both have, rarest first: the
 *                        names, places and figures
 * @param sharedNumbers   numbers both leads give
 * @param numbersDisagree both leads give specific figures (three digits or more, or a decimal; years aside) that the
 *                        other lacks, and they share no more than they differ in: the same template with other
 *                        figures (today's gold prices against yesterday's, Egypt's against Jordan's)
 * @param score           the evidence: the largest of the two cosines and the weighted containment
 * @param threshold       the score needed at this distance in time
 * @param sameEvent       the verdict
 */
public record Comparison(
        double hoursApart,
        boolean sameSource,
        double leadCosine,
        double textCosine,
        double containment,
        List<String> sharedNames,
        List<String> sharedNumbers,
        boolean numbersDisagree,
        double score,
        double threshold,
        boolean sameEvent) {

    public Comparison {
        sharedNames = List.copyOf(sharedNames);
        sharedNumbers = List.copyOf(sharedNumbers);
    }
}
