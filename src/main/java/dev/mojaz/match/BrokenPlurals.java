package dev.mojaz.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Singulars and their broken plurals (حزب and أحزاب, قرية and قرى), read both ways: an article word that is one of
 * them also counts as the other (see {@link ArabicForms}), so a query for either finds both.
 *
 * <p>The pairs are a list, not a pattern: a plural pattern would join unrelated words that share letters. They come
 * from the arramooz dictionary, ranked by how often news uses them and cleared of pairs where either word is spelt
 * like another common word (قوة/قوى: قوى is also قوي, strong); {@code broken-plurals.tsv} and SOURCES.md say how
 * the list was built. At load, pairs that touch a stop word or a place name are dropped too (مصر has the plural
 * أمصار, but a query for Egypt must not find "regions").
 */
final class BrokenPlurals {
    static final String RESOURCE = "broken-plurals.tsv";

    private final CharArrayMap<char[][]> linked;
    /** Folded word → the linked words as written in the data, for explaining a query. */
    private final Map<String, List<String>> written;
    private final int pairs;

    private BrokenPlurals(List<String[]> rows, Predicate<String> excluded) {
        Map<String, Set<String>> links = new HashMap<>();
        Map<String, Set<String>> shown = new HashMap<>();
        int kept = 0;
        for (String[] row : rows) {
            if (row.length < 2) {
                throw new IllegalStateException(RESOURCE + ": expected singular and plural: " + String.join("\t", row));
            }
            String singular = MatchData.foldedWord(row[0]);
            String plural = MatchData.foldedWord(row[1]);
            // Two-letter words (يد, حد) are left out, as stripping never leaves fewer than three letters.
            if (singular.equals(plural) || singular.length() < ArabicForms.MIN_STRIPPED
                    || plural.length() < ArabicForms.MIN_STRIPPED || excluded.test(singular) || excluded.test(plural)) {
                continue;
            }
            links.computeIfAbsent(singular, k -> new LinkedHashSet<>()).add(plural);
            links.computeIfAbsent(plural, k -> new LinkedHashSet<>()).add(singular);
            shown.computeIfAbsent(singular, k -> new LinkedHashSet<>()).add(row[1].strip());
            shown.computeIfAbsent(plural, k -> new LinkedHashSet<>()).add(row[0].strip());
            kept++;
        }
        this.pairs = kept;
        this.linked = new CharArrayMap<>(links.size(), false);
        links.forEach((word, others) -> linked.put(word,
                others.stream().map(String::toCharArray).toArray(char[][]::new)));
        Map<String, List<String>> writtenCopy = new HashMap<>();
        shown.forEach((word, others) -> writtenCopy.put(word, List.copyOf(others)));
        this.written = Map.copyOf(writtenCopy);
    }

    /** The shipped list, with pairs touching a stop word or a place name left out. Loaded once. */
    static BrokenPlurals standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final BrokenPlurals STANDARD = new BrokenPlurals(MatchData.rows(RESOURCE),
                word -> ArticleWords.standard().isStopWord(word) || PlaceNames.standard().isArabicName(word));
    }

    /** The folded words linked to the folded word {@code s[off, off + len)}, or null. */
    char[][] linked(char[] s, int off, int len) {
        return linked.get(s, off, len);
    }

    /** The words linked to a folded word, as the data writes them (أحزاب for حزب); empty when none. */
    List<String> linkedAsWritten(String foldedWord) {
        return written.getOrDefault(foldedWord, List.of());
    }

    /** Number of pairs in use. */
    int pairs() {
        return pairs;
    }

    /** Every folded word that has links, for tests. */
    List<String> words() {
        List<String> words = new ArrayList<>();
        for (Object key : linked.keySet()) {
            words.add(new String((char[]) key));
        }
        return words;
    }
}
