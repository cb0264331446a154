package dev.mojaz.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One word or quoted phrase of a query.
 *
 * @param text        what the person typed, without quotes, spaces collapsed: shown back to them
 * @param words       the analysed words to look for, in order (see {@link MatchAnalyzer#forQueries()}); more than
 *                    one makes a phrase, whose words must appear next to each other in this order
 * @param equivalents other wordings that count as this term, each a term of its own without equivalents: the
 *                    Arabic names of a place typed in English or French ({@code Egypt} finds مصر). Found by the
 *                    parser from {@code words}, so two terms with equal words have equal equivalents.
 */
public record QueryTerm(String text, List<String> words, List<QueryTerm> equivalents) {
    public QueryTerm {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        equivalents = List.copyOf(equivalents);
        if (text.isBlank() || words.isEmpty()) {
            throw new IllegalArgumentException("a query term needs text and at least one word");
        }
        for (QueryTerm equivalent : equivalents) {
            if (!equivalent.equivalents().isEmpty()) {
                throw new IllegalArgumentException("an equivalent has no equivalents of its own: " + equivalent);
            }
        }
    }

    /** A term with no equivalents. */
    public QueryTerm(String text, List<String> words) {
        this(text, words, List.of());
    }

    /** True when the words must appear as a phrase. */
    public boolean isPhrase() {
        return words.size() > 1;
    }

    /** Every wording the article may contain for this term: its own words first, then each equivalent's. */
    public List<List<String>> wordings() {
        if (equivalents.isEmpty()) {
            return List.of(words);
        }
        List<List<String>> all = new ArrayList<>(1 + equivalents.size());
        all.add(words);
        equivalents.forEach(equivalent -> all.add(equivalent.words()));
        return List.copyOf(all);
    }

    /**
     * What else the term finds, for people: {@code Egypt = مصر}, or empty when it finds only what was typed.
     */
    public String coverage() {
        if (equivalents.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text).append(" = ");
        for (int i = 0; i < equivalents.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(equivalents.get(i).text());
        }
        return out.toString();
    }

    /** The term as it is written in a canonical query: quoted when it would not read back as one plain word. */
    public String display() {
        return QueryParser.isPlainWord(text) ? text : "\"" + text + "\"";
    }

    /**
     * What identifies the term for matching: its analysed words, quoted when there are several. Equivalents need
     * not be part of it: they follow from the words.
     */
    String key() {
        String joined = String.join(" ", words);
        return isPhrase() ? "\"" + joined + "\"" : joined;
    }

    @Override
    public String toString() {
        return display();
    }
}
