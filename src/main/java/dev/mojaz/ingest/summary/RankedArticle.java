package dev.mojaz.ingest.summary;

import dev.mojaz.text.Sentence;
import java.util.List;

/**
 * An article as the summariser saw it.
 *
 * @param title  the title used for ranking: the one given, or the text's leading heading, or ""
 * @param pieces every piece of the text in order, with its role (boilerplate lines are not among them)
 * @param ranked the body sentences from best to worst, near-duplicates of better ones left out
 */
public record RankedArticle(String title, List<Sentence> pieces, List<Sentence> ranked) {
    public RankedArticle {
        pieces = List.copyOf(pieces);
        ranked = List.copyOf(ranked);
    }
}
