package dev.mojaz.bot.conversation;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.match.Alternatives;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words of a query written in a script no source publishes in: "Syria" when every source is Arabic. Such a word
 * can only match the odd article that quotes it, so the person is told, and offered the Arabic form when it is a
 * place CLDR names ({@link ArabicNames}): {@code Syria} becomes {@code سوريا}, {@code "New York" -Iran} becomes
 * {@code "نيويورك" -إيران}. Only the letters' script counts: a number, or a Latin word when some source publishes
 * in English, is never foreign.
 */
final class ForeignWords {
    /** Longest run of separately typed words tried as one name ("United Arab Emirates"). */
    private static final int LONGEST_NAME = 4;

    /**
     * What was found.
     *
     * @param words      the foreign words, as typed, in order
     * @param languages  the codes of the languages the sources publish in, sorted
     * @param suggestion the query with each foreign word in Arabic, in Mojaz's syntax; empty when a word has no
     *                   known Arabic form (or the sources are not Arabic)
     */
    record Finding(List<String> words, List<String> languages, Optional<String> suggestion) {
    }

    private final ArabicNames names;

    ForeignWords(ArabicNames names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    /** The foreign words of {@code query} given the enabled {@code sources}; empty when there are none. */
    Optional<Finding> check(Query query, Collection<SourceConfig> sources) {
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
                ? suggest(query, published) : Optional.empty();
        return Optional.of(new Finding(List.copyOf(foreign), List.copyOf(languages), suggestion));
    }

    /** The query with its foreign words in Arabic; empty when one of its required words has no Arabic form. */
    private Optional<String> suggest(Query query, Set<Integer> published) {
        List<String> parts = new ArrayList<>();
        List<Alternatives> required = query.required();
        for (int i = 0; i < required.size(); ) {
            Alternatives part = required.get(i);
            int run = foreignWordRun(required, i, published);
            if (run > 0) {
                // Separately typed words may be one name: the longest run CLDR knows wins ("Saudi Arabia").
                boolean found = false;
                for (int length = run; length >= 1 && !found; length--) {
                    StringBuilder name = new StringBuilder();
                    for (int k = i; k < i + length; k++) {
                        name.append(k > i ? " " : "").append(required.get(k).terms().get(0).text());
                    }
                    Optional<String> arabic = names.arabic(name.toString());
                    if (arabic.isPresent()) {
                        parts.add(written(arabic.get()));
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
                if (!isForeign(term, published)) {
                    alternatives.add(term.display());
                    continue;
                }
                Optional<String> arabic = names.arabic(term.text());
                if (arabic.isEmpty()) {
                    return Optional.empty();
                }
                alternatives.add(written(arabic.get()));
            }
            parts.add(String.join(" أو ", alternatives));
            i++;
        }
        for (QueryTerm term : query.excluded()) {
            // An exclusion that cannot be put in Arabic is left out rather than kept: as typed it excludes nothing.
            if (!isForeign(term, published)) {
                parts.add("-" + term.display());
            } else {
                names.arabic(term.text()).ifPresent(arabic -> parts.add("-" + written(arabic)));
            }
        }
        if (!query.sources().isEmpty()) {
            parts.add("مصدر:" + String.join(",", query.sources()));
        }
        return Optional.of(String.join(" ", parts));
    }

    /** How many required parts from {@code start} are single foreign words typed apart, up to a name's length. */
    private static int foreignWordRun(List<Alternatives> required, int start, Set<Integer> published) {
        int run = 0;
        while (start + run < required.size() && run < LONGEST_NAME) {
            List<QueryTerm> terms = required.get(start + run).terms();
            if (terms.size() != 1 || terms.get(0).isPhrase() || !isForeign(terms.get(0), published)) {
                break;
            }
            run++;
        }
        return run;
    }

    /** An Arabic name as a query term: quoted when it is several words, so they are found together. */
    private static String written(String arabic) {
        return arabic.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK)
                ? arabic : "\"" + arabic + "\"";
    }

    /** Whether the term has letters and none of them is in a script the sources publish in. */
    private static boolean isForeign(QueryTerm term, Set<Integer> published) {
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
