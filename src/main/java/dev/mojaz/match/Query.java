package dev.mojaz.match;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A parsed keyword query: every part of {@code required} must be found (each part is one term or alternatives),
 * none of {@code excluded} may be found, and when {@code sources} is not empty the article must come from one of
 * them. Title and text are both searched. Built by {@link QueryParser}; immutable.
 *
 * @param required at least one; all must match
 * @param excluded terms that stop a match
 * @param sources  source ids the query is restricted to, sorted; empty for every source
 */
public record Query(List<Alternatives> required, List<QueryTerm> excluded, List<String> sources) {
    public Query {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        sources = List.copyOf(new TreeSet<>(sources));
        if (required.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one required term");
        }
    }

    /** Every term, required and excluded. */
    public List<QueryTerm> terms() {
        List<QueryTerm> all = new ArrayList<>();
        required.forEach(part -> all.addAll(part.terms()));
        all.addAll(excluded);
        return all;
    }

    /**
     * What the query finds besides the words typed, for people: {@code Egypt = مصر; Baghdad = بغداد}, or empty.
     */
    public String coverage() {
        StringBuilder out = new StringBuilder();
        for (QueryTerm term : terms()) {
            String covered = term.coverage();
            if (!covered.isEmpty()) {
                out.append(out.length() == 0 ? "" : "; ").append(covered);
            }
        }
        return out.toString();
    }

    /** Whether an article from {@code sourceId} (null when unknown) may match at all. */
    public boolean allowsSource(String sourceId) {
        return sources.isEmpty() || sourceId != null && sources.contains(sourceId);
    }

    /**
     * The query written in Mojaz's own syntax, terms in the person's order and spelling:
     * {@code "جبهة النصرة" روسيا OR موسكو -رياضة source:sana}. Shown to people; parsing it gives an equal query.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        for (Alternatives part : required) {
            append(out, part.display());
        }
        for (QueryTerm term : excluded) {
            append(out, "-" + term.display());
        }
        if (!sources.isEmpty()) {
            append(out, QueryParser.SOURCE_PREFIX + String.join(",", sources));
        }
        return out.toString();
    }

    /**
     * What the query matches, as a string: two queries with the same key match exactly the same articles (order of
     * the parts, repeated terms and spelling variants that analyse alike do not count). For finding a
     * subscription a chat already has.
     */
    public String key() {
        StringBuilder out = new StringBuilder();
        required.stream().map(Alternatives::key).distinct().sorted().forEach(part -> append(out, part));
        excluded.stream().map(term -> "-" + term.key()).distinct().sorted().forEach(part -> append(out, part));
        if (!sources.isEmpty()) {
            append(out, QueryParser.SOURCE_PREFIX + String.join(",", sources));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(part);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
