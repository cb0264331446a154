package dev.mojaz.bot.conversation;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.match.Alternatives;
import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.QueryTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words of a query that no source will show: written in a script none of the sources publishes in (a Latin word
 * when every source is Arabic), and not a place the matcher knows by that name (it finds {@code Syria} as سوريا by
 * itself, see {@link QueryTerm#equivalents()}). Such a word can only match the odd article that quotes it, so the
 * person is told, and offered the Arabic form when separately typed words turn out to be one place's name
 * ({@code Saudi Arabia}: السعودية). A number, or a Latin word when some source publishes in a Latin-script language,
 * is never foreign.
 */
final class ForeignWords {
    /** Longest run of separately typed words tried as one name ("United Arab Emirates"). */
    private static final int LONGEST_NAME = 4;

    /**
     * What was found.
     *
     * @param words      the foreign words, as typed, in order
     * @param languages  the codes of the languages the sources publish in, sorted
     * @param suggestion the query with the foreign words in Arabic, in Mojaz's syntax; empty when a word has no
     *                   Arabic form the matcher knows (or the sources are not Arabic)
     */
    record Finding(List<String> words, List<String> languages, Optional<String> suggestion) {
    }

    /** The foreign words of {@code query} given the {@code sources} it can match; empty when there are none. */
    Optional<Finding> check(Query query, Collection<SourceConfig> sources, QueryParser parser) {
        Set<Integer> published = new LinkedHashSet<>();
        Set<String> languages = new TreeSet<>();
        for (SourceConfig source : sources) {
            languages.add(source.language());
            published.add(script(source.language()));
        }
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        List<String> foreign = new ArrayList<>();
        for (QueryTerm term : query.terms()) {
            if (isForeign(term, published)) {
                foreign.add(term.text());
            }
        }
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> suggestion = published.contains(UScript.ARABIC)
                ? suggest(query, published, parser) : Optional.empty();
        return Optional.of(new Finding(List.copyOf(foreign), List.copyOf(languages), suggestion));
    }

    /** The query with its foreign words in Arabic; empty when one of its required words has no Arabic form. */
    private static Optional<String> suggest(Query query, Set<Integer> published, QueryParser parser) {
        List<String> parts = new ArrayList<>();
        List<Alternatives> required = query.required();
        for (int i = 0; i < required.size(); ) {
            Alternatives part = required.get(i);
            int run = unwrittenRun(required, i, published);
            if (run > 0 && anyForeign(required.subList(i, i + run), published)) {
                // Separately typed words may be one name: the longest run the matcher knows wins ("Saudi Arabia").
                boolean found = false;
                for (int length = run; length >= 1 && !found; length--) {
                    StringBuilder name = new StringBuilder();
                    for (int k = i; k < i + length; k++) {
                        name.append(k > i ? " " : "").append(required.get(k).terms().get(0).text());
                    }
                    Optional<String> arabic = arabicName(name.toString(), parser);
                    if (arabic.isPresent()) {
                        parts.add(arabic.get());
                        i += length;
                        found = true;
                    }
                }
                if (!found) {
                    return Optional.empty();
                }
                continue;
            }
            List<String> alternatives = new ArrayList<>();
            for (QueryTerm term : part.terms()) {
                if (isForeign(term, published)) {
                    return Optional.empty(); // a lone word the matcher does not know
                }
                alternatives.add(term.display());
            }
            parts.add(String.join(" أو ", alternatives));
            i++;
        }
        for (QueryTerm term : query.excluded()) {
            // An exclusion no source can show excludes nothing: it is left out.
            if (!isForeign(term, published)) {
                parts.add("-" + term.display());
            }
        }
        if (!query.sources().isEmpty()) {
            parts.add("مصدر:" + String.join(",", query.sources()));
        }
        return Optional.of(String.join(" ", parts));
    }

    /**
     * The Arabic name the matcher knows for {@code name} read as one phrase, as a query term: a one-word name when
     * there is one (it catches more forms than a phrase), else the first, quoted.
     */
    private static Optional<String> arabicName(String name, QueryParser parser) {
        List<QueryTerm> equivalents;
        try {
            equivalents = parser.parse("\"" + name + "\"").required().get(0).terms().get(0).equivalents();
        } catch (InvalidQueryException e) {
            return Optional.empty();
        }
        return equivalents.stream().filter(t -> !t.isPhrase()).findFirst()
                .or(() -> equivalents.stream().findFirst())
                .map(QueryTerm::display);
    }

    private static boolean anyForeign(List<Alternatives> parts, Set<Integer> published) {
        return parts.stream().anyMatch(p -> isForeign(p.terms().get(0), published));
    }

    /**
     * How many required parts from {@code start} are single words typed apart in a script no source publishes in
     * (known place names or not), up to a name's length.
     */
    private static int unwrittenRun(List<Alternatives> required, int start, Set<Integer> published) {
        int run = 0;
        while (start + run < required.size() && run < LONGEST_NAME) {
            List<QueryTerm> terms = required.get(start + run).terms();
            if (terms.size() != 1 || terms.get(0).isPhrase() || !inOtherScript(terms.get(0), published)) {
                break;
            }
            run++;
        }
        return run;
    }

    /** Whether no source will show the term: in another script, and not a place name the matcher knows. */
    private static boolean isForeign(QueryTerm term, Set<Integer> published) {
        return term.equivalents().isEmpty() && inOtherScript(term, published);
    }

    /** Whether the term has letters and none of them is in a script the sources publish in. */
    private static boolean inOtherScript(QueryTerm term, Set<Integer> published) {
        boolean letters = false;
        for (int i = 0; i < term.text().length(); ) {
            int c = term.text().codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters = true;
            if (published.contains(UScript.getScript(c))) {
                return false;
            }
        }
        return letters;
    }

    /** The script a language is written in (Arabic for ar, Latin for en), as ICU's likely subtags say. */
    private static int script(String language) {
        String script = ULocale.addLikelySubtags(new ULocale(language == null ? "ar" : language)).getScript();
        int code = UScript.getCodeFromName(script);
        return code == UScript.INVALID_CODE ? UScript.ARABIC : code;
    }

    /** The name of a language in the reader's language ({@code ar} is "Arabic" in English, «العربية» in Arabic). */
    static String languageName(String code, String readerLanguage) {
        return ULocale.getDisplayLanguage(code, new ULocale(readerLanguage)).toLowerCase(Locale.ROOT).equals(code)
                ? code : ULocale.getDisplayLanguage(code, new ULocale(readerLanguage));
    }
}
