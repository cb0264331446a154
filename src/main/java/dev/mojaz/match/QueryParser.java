package dev.mojaz.match;

import dev.mojaz.config.MatchConfig;
import dev.mojaz.i18n.Msg;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Reads the queries people type into {@link Query} values. The grammar, in full:
 * <pre>
 * query       = part { part }                      parts are joined by AND
 * part        = alternative { OR alternative }     OR is "OR" (any case), "أو", "او" or "|"
 *             | "-" term                           excluded: the article must not contain it
 *             | source                             restricts the query to sources
 *             | AND                                optional, "AND" (any case), "و" or "&amp;"
 * alternative = term
 * term        = word | phrase
 * phrase      = "…" | «…» | “…”                     words next to each other, in order
 * source      = ("source:" | "مصدر:") id { "," id }  several source: parts add up
 * </pre>
 * A word is anything up to the next space or quote; punctuation inside it only separates words ({@code al-Qaeda}
 * is the phrase "al Qaeda"). OR binds tighter than AND: {@code روسيا OR موسكو سوريا} is (روسيا or موسكو) and
 * سوريا. Parentheses are refused with an explanation, rather than silently read in a way the person did not mean.
 *
 * <p>Refused too, each with its own message ({@link InvalidQueryException#key()}): an empty query, one longer
 * than {@code match.max-query-length} or with more terms than {@code match.max-terms-per-query}, an unclosed quote,
 * OR without a term on each side or next to an exclusion, a lone minus, a query that only excludes, a word of one
 * letter, a word too common to alert on by itself (Lucene's Arabic and English stop words: على, في, the…), a term
 * both required and excluded, an unknown source.
 *
 * <p>No regular expression is ever built from what people type (only fixed patterns are used), so a query cannot
 * make matching slow. Parsers are immutable and thread-safe.
 */
public final class QueryParser {
    /** How a source restriction is written in canonical form. */
    static final String SOURCE_PREFIX = "source:";
    private static final List<String> SOURCE_PREFIXES = List.of("source:", "مصدر:", "المصدر:");
    private static final Set<String> OR_WORDS = Set.of("or", "أو", "او", "|");
    private static final Set<String> AND_WORDS = Set.of("and", "و", "&");
    private static final String MINUS = "-\u2212";
    /** Opening quote → the quotes that may close it (people type Arabic quotes in either order). */
    private static final Map<Character, String> QUOTES = Map.of(
            '"', "\"",
            '«', "»«",
            '»', "«»",
            '“', "”“",
            '”', "“”",
            '„', "“”");
    private static final String ALL_QUOTES = "\"«»“”„";
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private final int maxLength;
    private final int maxTerms;
    private final Set<String> knownSources;
    private final MatchAnalyzer analyzer = MatchAnalyzer.forQueries();
    private final Set<String> stopWords;

    /**
     * @param limits       the query limits of the configuration
     * @param knownSources the source ids a query may name; empty to accept any well-formed id
     */
    public QueryParser(MatchConfig limits, Collection<String> knownSources) {
        Objects.requireNonNull(limits, "limits");
        this.maxLength = limits.maxQueryLength();
        this.maxTerms = limits.maxTermsPerQuery();
        this.knownSources = Set.copyOf(new TreeSet<>(knownSources));
        this.stopWords = stopWords(analyzer);
    }

    /** Parses {@code text}; the exception's message key says what is wrong. */
    public Query parse(String text) throws InvalidQueryException {
        String input = text == null ? "" : withoutInvisibles(text).strip();
        if (input.isEmpty()) {
            throw new InvalidQueryException(Msg.QUERY_EMPTY);
        }
        if (input.length() > maxLength) {
            throw new InvalidQueryException(Msg.QUERY_TOO_LONG, input.length(), maxLength);
        }
        return build(lex(input));
    }

    // ---- lexing: the input as a list of items -------------------------------------------------------------

    private sealed interface Item permits TermItem, OrItem, AndItem, SourceItem {
    }

    private record TermItem(String text, boolean excluded) implements Item {
    }

    private record OrItem(String text) implements Item {
    }

    private record AndItem() implements Item {
    }

    private record SourceItem(String text, List<String> ids) implements Item {
    }

    private List<Item> lex(String input) throws InvalidQueryException {
        List<Item> items = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            if (c == '(' || c == ')') {
                throw new InvalidQueryException(Msg.QUERY_PARENTHESES);
            }
            boolean excluded = false;
            if (MINUS.indexOf(c) >= 0) {
                if (i + 1 >= n || isSpace(input.charAt(i + 1))) {
                    throw new InvalidQueryException(Msg.QUERY_DANGLING_MINUS);
                }
                excluded = true;
                c = input.charAt(++i);
            }
            String closers = QUOTES.get(c);
            if (closers != null) {
                int close = indexOfAny(input, closers, i + 1);
                if (close < 0) {
                    throw new InvalidQueryException(Msg.QUERY_UNCLOSED_QUOTE, excerpt(input.substring(i + 1)),
                            String.valueOf(closers.charAt(0)));
                }
                String phrase = collapseSpaces(withoutQuotes(input.substring(i + 1, close)));
                if (phrase.isEmpty()) {
                    throw new InvalidQueryException(Msg.QUERY_EMPTY_PHRASE);
                }
                items.add(new TermItem(phrase, excluded));
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < n && !isSpace(input.charAt(end)) && ALL_QUOTES.indexOf(input.charAt(end)) < 0) {
                if (input.charAt(end) == '(' || input.charAt(end) == ')') {
                    throw new InvalidQueryException(Msg.QUERY_PARENTHESES);
                }
                end++;
            }
            String word = input.substring(i, end);
            i = end;
            String lower = word.toLowerCase(Locale.ROOT);
            String sourcePrefix = sourcePrefix(lower);
            if (sourcePrefix != null) {
                if (excluded) {
                    throw new InvalidQueryException(Msg.QUERY_SOURCE_EXCLUDED);
                }
                items.add(new SourceItem(word, sourceIds(word.substring(sourcePrefix.length()), word)));
            } else if (!excluded && OR_WORDS.contains(lower)) {
                items.add(new OrItem(word));
            } else if (!excluded && AND_WORDS.contains(lower)) {
                items.add(new AndItem());
            } else {
                items.add(new TermItem(word, excluded));
            }
        }
        return items;
    }

    private List<String> sourceIds(String list, String written) throws InvalidQueryException {
        List<String> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            boolean known = knownSources.isEmpty() ? SOURCE_ID.matcher(id).matches() : knownSources.contains(id);
            if (!known) {
                throw new InvalidQueryException(Msg.QUERY_SOURCE_UNKNOWN, part.strip(),
                        knownSources.isEmpty() ? "a-z, 0-9, -" : String.join(", ", new TreeSet<>(knownSources)));
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new InvalidQueryException(Msg.QUERY_SOURCE_EMPTY, written);
        }
        return ids;
    }

    // ---- building: items to a query ----------------------------------------------------------------------

    private Query build(List<Item> items) throws InvalidQueryException {
        List<List<QueryTerm>> groups = new ArrayList<>();
        List<QueryTerm> excluded = new ArrayList<>();
        Set<String> sources = new TreeSet<>();
        OrItem pendingOr = null;
        Item previous = null;
        int termCount = 0;
        for (Item item : items) {
            if (item instanceof OrItem or) {
                if (previous instanceof TermItem term && term.excluded()) {
                    throw new InvalidQueryException(Msg.QUERY_OR_WITH_EXCLUSION, term.text());
                }
                if (!(previous instanceof TermItem) || pendingOr != null) {
                    throw new InvalidQueryException(Msg.QUERY_DANGLING_OR, or.text());
                }
                pendingOr = or;
            } else if (item instanceof AndItem) {
                if (pendingOr != null) {
                    throw new InvalidQueryException(Msg.QUERY_DANGLING_OR, pendingOr.text());
                }
            } else if (item instanceof SourceItem source) {
                if (pendingOr != null) {
                    throw new InvalidQueryException(Msg.QUERY_SOURCE_IN_OR, source.text());
                }
                sources.addAll(source.ids());
            } else if (item instanceof TermItem termItem) {
                if (++termCount > maxTerms) {
                    throw new InvalidQueryException(Msg.QUERY_TOO_MANY_TERMS, countTerms(items), maxTerms);
                }
                QueryTerm term = term(termItem.text());
                if (termItem.excluded()) {
                    if (pendingOr != null) {
                        throw new InvalidQueryException(Msg.QUERY_OR_WITH_EXCLUSION, termItem.text());
                    }
                    excluded.add(term);
                } else if (pendingOr != null) {
                    groups.get(groups.size() - 1).add(term);
                    pendingOr = null;
                } else {
                    groups.add(new ArrayList<>(List.of(term)));
                }
            }
            previous = item;
        }
        if (pendingOr != null) {
            throw new InvalidQueryException(Msg.QUERY_DANGLING_OR, pendingOr.text());
        }
        if (groups.isEmpty()) {
            throw new InvalidQueryException(excluded.isEmpty() ? Msg.QUERY_EMPTY : Msg.QUERY_ONLY_EXCLUSIONS);
        }
        List<Alternatives> required = distinctGroups(groups);
        List<QueryTerm> distinctExcluded = distinctTerms(excluded);
        for (QueryTerm exclusion : distinctExcluded) {
            for (Alternatives part : required) {
                if (part.terms().size() == 1 && part.terms().get(0).words().equals(exclusion.words())) {
                    throw new InvalidQueryException(Msg.QUERY_CONTRADICTION, exclusion.text());
                }
            }
        }
        return new Query(required, distinctExcluded, List.copyOf(sources));
    }

    private QueryTerm term(String text) throws InvalidQueryException {
        // Interned: a hundred thousand stored queries repeat the same few thousand words.
        List<String> words = analyzer.words(text).stream().map(String::intern).toList();
        if (words.isEmpty()) {
            throw new InvalidQueryException(Msg.QUERY_NO_LETTERS, text);
        }
        if (words.size() == 1 && words.get(0).codePointCount(0, words.get(0).length()) < 2) {
            throw new InvalidQueryException(Msg.QUERY_TOO_SHORT, text);
        }
        if (stopWords.containsAll(words)) {
            throw new InvalidQueryException(Msg.QUERY_TOO_COMMON, text);
        }
        if (words.size() == 1) {
            words = withoutArticle(text, words.get(0));
        }
        return new QueryTerm(text.intern(), words, PlaceNames.standard().arabicFor(words));
    }

    /**
     * A single word typed with the article also finds the bare noun (the construct state: المجلس finds «مجلس
     * الأمن»), unless {@link ArticleWords} says the article belongs to a name or to the word.
     */
    private List<String> withoutArticle(String text, String word) {
        String rest = ArticleWords.withoutArticle(text);
        if (rest == null) {
            return List.of(word);
        }
        List<String> bare = analyzer.words(rest);
        return bare.size() == 1 && ArticleWords.standard().dropsArticle(word, bare.get(0))
                ? List.of(bare.get(0).intern()) : List.of(word);
    }

    private static int countTerms(List<Item> items) {
        return (int) items.stream().filter(item -> item instanceof TermItem).count();
    }

    /** Drops alternatives repeated within a part and parts repeated in the query (same analysed words). */
    private static List<Alternatives> distinctGroups(List<List<QueryTerm>> groups) {
        Map<String, Alternatives> distinct = new LinkedHashMap<>();
        for (List<QueryTerm> group : groups) {
            Alternatives part = new Alternatives(distinctTerms(group));
            distinct.putIfAbsent(part.key(), part);
        }
        return List.copyOf(distinct.values());
    }

    private static List<QueryTerm> distinctTerms(List<QueryTerm> terms) {
        Map<List<String>, QueryTerm> distinct = new LinkedHashMap<>();
        terms.forEach(term -> distinct.putIfAbsent(term.words(), term));
        return List.copyOf(distinct.values());
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /**
     * Whether {@code text} reads back as this one term without quotes: no spaces, parentheses or quotes, no
     * leading minus, not an operator or a source restriction.
     */
    static boolean isPlainWord(String text) {
        if (text.isEmpty() || MINUS.indexOf(text.charAt(0)) >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) || c == '(' || c == ')' || ALL_QUOTES.indexOf(c) >= 0) {
                return false;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return !OR_WORDS.contains(lower) && !AND_WORDS.contains(lower) && sourcePrefix(lower) == null;
    }

    private static String sourcePrefix(String lowerCaseWord) {
        for (String prefix : SOURCE_PREFIXES) {
            if (lowerCaseWord.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALL_QUOTES.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String withoutInvisibles(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!MatchTokenizer.isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first words after an unclosed quote, to point at it in the message. */
    private static String excerpt(String rest) {
        String words = collapseSpaces(rest);
        int cut = 0;
        int spaces = 0;
        while (cut < words.length() && !(words.charAt(cut) == ' ' && ++spaces == 3)) {
            cut++;
        }
        return cut < words.length() ? words.substring(0, cut) + "…" : words;
    }

    /** Lucene's Arabic and English stop words, analysed as query words are. */
    private static Set<String> stopWords(MatchAnalyzer analyzer) {
        Set<String> words = new HashSet<>();
        for (Object word : ArabicAnalyzer.getDefaultStopSet()) {
            words.addAll(analyzer.words(new String((char[]) word)));
        }
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.addAll(analyzer.words(new String((char[]) word)));
        }
        return Set.copyOf(words);
    }
}
