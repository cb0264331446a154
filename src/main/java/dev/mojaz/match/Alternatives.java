package dev.mojaz.match;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A required part of a query: at least one of these terms must appear ({@code روسيا OR موسكو}); a single term is
 * simply required.
 */
public record Alternatives(List<QueryTerm> terms) {
    public Alternatives {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("alternatives need at least one term");
        }
    }

    public static Alternatives of(QueryTerm... terms) {
        return new Alternatives(List.of(terms));
    }

    /** As written in a canonical query: {@code روسيا OR موسكو}. */
    public String display() {
        return terms.stream().map(QueryTerm::display).collect(Collectors.joining(" OR "));
    }

    /** What identifies it for matching: the distinct term keys, sorted. */
    String key() {
        return terms.stream().map(QueryTerm::key).distinct().sorted().collect(Collectors.joining(" OR "));
    }

    @Override
    public String toString() {
        return display();
    }
}
