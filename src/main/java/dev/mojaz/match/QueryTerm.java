package dev.mojaz.match;

import java.util.List;
import java.util.Objects;

/**
 * One word or quoted phrase of a query.
 *
 * @param text  what the person typed, without quotes, spaces collapsed: shown back to them
 * @param words the analysed words to look for, in order (see {@link MatchAnalyzer#forQueries()}); more than one
 *              makes a phrase, whose words must appear next to each other in this order
 */
public record QueryTerm(String text, List<String> words) {
    public QueryTerm {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        if (text.isBlank() || words.isEmpty()) {
            throw new IllegalArgumentException("a query term needs text and at least one word");
        }
    }

    /** True when the words must appear as a phrase. */
    public boolean isPhrase() {
        return words.size() > 1;
    }

    /** The term as it is written in a canonical query: quoted when it would not read back as one plain word. */
    public String display() {
        return QueryParser.isPlainWord(text) ? text : "\"" + text + "\"";
    }

    /** What identifies the term for matching: its analysed words, quoted when there are several. */
    String key() {
        String joined = String.join(" ", words);
        return isPhrase() ? "\"" + joined + "\"" : joined;
    }

    @Override
    public String toString() {
        return display();
    }
}
