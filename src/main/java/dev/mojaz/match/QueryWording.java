package dev.mojaz.match;

import java.util.Objects;

/**
 * A query as a person reads it in their language. Queries are stored in canonical form ({@link Query#canonical()}),
 * whose operators are English ({@code روسيا OR موسكو source:sana}); an Arabic reader is shown the Arabic ones the
 * parser accepts as well ({@code روسيا أو موسكو مصدر:sana}), an English reader the English ones. Quoted phrases are
 * left as they are. Either form parses back to the same query.
 */
public final class QueryWording {
    private QueryWording() {
    }

    /**
     * @param query    a query in Mojaz's syntax (canonical, or as typed)
     * @param language the reader's language code ({@code ar}, {@code en})
     */
    public static String of(String query, String language) {
        Objects.requireNonNull(query, "query");
        boolean arabic = "ar".equals(language);
        StringBuilder out = new StringBuilder(query.length() + 8);
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= query.length(); i++) {
            char c = i < query.length() ? query.charAt(i) : ' ';
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ' ' && !quoted || i == query.length()) {
                out.append(word(query.substring(start, Math.min(i, query.length())), arabic));
                if (i < query.length()) {
                    out.append(' ');
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static String word(String word, boolean arabic) {
        if (word.equals("OR") || word.equals("أو") || word.equals("او") || word.equals("|")) {
            return arabic ? "أو" : "OR";
        }
        for (String prefix : new String[] {"source:", "مصدر:", "المصدر:"}) {
            if (word.startsWith(prefix)) {
                return (arabic ? "مصدر:" : "source:") + word.substring(prefix.length());
            }
        }
        return word;
    }
}
