package dev.mojaz.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Removes the lines news sites add around an article: promotion ("follow us on Telegram"), comment prompts,
 * "back to top", share prompts, copyright lines, subscription prompts, and "see also" with the teasers after it.
 *
 * <p>The rules are data ({@code boilerplate-rules.txt}, Arabic and English), so a new site needs a line there, not
 * code. Each rule is {@code <kind> <regex>}; the regex is searched in the line after {@link ArabicNormalizer}
 * (hamza on alef dropped, ى→ي, ة→ه, no diacritics, lower case) and surrounding spaces stripped, so one rule covers the
 * spelling variants. The Arabic of a rule is folded the same way when it is read (so it may be written with ة and
 * أ as usual); Latin is written in lower case. A rule that starts with {@code ^} is tried at the start of the line
 * only. Kinds:
 * <ul>
 *   <li>{@code line}: the line is dropped;</li>
 *   <li>{@code rest}: the line and everything after it are dropped (the "see also" block at the end of a page).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class BoilerplateFilter {
    private static final String RESOURCE = "boilerplate-rules.txt";
    /** A line longer than this is article text whatever it starts with: rules never look at it. */
    private static final int MAX_BOILERPLATE_LENGTH = 300;
    /** Prose lines after a "read also" line that make it an insert inside the article rather than its trailer. */
    private static final int PROSE_AFTER_INSERT = 2;
    /** A sentence this long or longer is a paragraph of prose, not a teaser's headline. */
    private static final int MIN_PROSE = 80;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟]['\"”’»)]*$");

    private final List<Rule> dropLine;
    private final List<Rule> dropRest;

    /** One compiled rule; an anchored one is matched with {@code lookingAt}, which does not try every offset. */
    private record Rule(Pattern pattern, boolean anchored) {
        boolean matches(String line) {
            Matcher matcher = pattern.matcher(line);
            return anchored ? matcher.lookingAt() : matcher.find();
        }
    }

    private BoilerplateFilter(List<Rule> dropLine, List<Rule> dropRest) {
        this.dropLine = List.copyOf(dropLine);
        this.dropRest = List.copyOf(dropRest);
    }

    /** The rules shipped with Mojaz. */
    public static BoilerplateFilter standard() {
        try (InputStream in = BoilerplateFilter.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE + " missing from the classpath");
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filter with no rules: keeps every non-blank line. */
    public static BoilerplateFilter none() {
        return new BoilerplateFilter(List.of(), List.of());
    }

    /**
     * Reads rules in the format of {@code boilerplate-rules.txt}.
     *
     * @param name names the source in error messages
     * @throws IllegalArgumentException naming the line of a malformed rule
     */
    public static BoilerplateFilter parse(Reader rules, String name) throws IOException {
        List<Rule> line = new ArrayList<>();
        List<Rule> rest = new ArrayList<>();
        BufferedReader reader = new BufferedReader(rules);
        int number = 0;
        for (String raw; (raw = reader.readLine()) != null; ) {
            number++;
            String rule = raw.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            int space = rule.indexOf(' ');
            String kind = space < 0 ? rule : rule.substring(0, space);
            if (space < 0 || !(kind.equals("line") || kind.equals("rest"))) {
                throw new IllegalArgumentException(name + ":" + number + ": expected 'line <regex>' or 'rest <regex>'");
            }
            try {
                String regex = foldArabic(rule.substring(space + 1).strip());
                // Lines are lower-cased before matching, so the rules need no case-insensitive matching (which
                // costs a case fold per character tried).
                Rule compiled = new Rule(Pattern.compile(regex), regex.startsWith("^"));
                (kind.equals("rest") ? rest : line).add(compiled);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(name + ":" + number + ": bad pattern: " + e.getDescription(), e);
            }
        }
        return new BoilerplateFilter(line, rest);
    }

    /** Whether one line (paragraph) is boilerplate on its own. */
    public boolean isBoilerplate(String line) {
        String normalized = normalized(line);
        return normalized != null && matchesAny(dropLine, normalized);
    }

    /** Whether this line starts the trailer ("see also" and the like): it and every line after it are dropped. */
    public boolean startsTrailer(String line) {
        String normalized = normalized(line);
        return normalized != null && matchesAny(dropRest, normalized);
    }

    /**
     * The lines worth keeping, in order: blank and boilerplate lines dropped, everything from a trailer on dropped.
     *
     * <p>A trailer's first line with article text after it is not the trailer but an insert inside the article: a
     * "read also" line between two paragraphs, whose linked headline is gone already (extraction drops paragraphs
     * that are mostly link text). Only that line is dropped, and the article goes on. Article text is
     * {@value #PROSE_AFTER_INSERT} or more {@linkplain #isProse prose lines}: the teasers of a real trailer are
     * headlines and cut-off excerpts, and losing the rest of an article costs far more than keeping an excerpt.
     */
    public List<String> keep(List<String> lines) {
        int[] proseAfter = new int[lines.size() + 1]; // prose lines after each index
        for (int i = lines.size() - 1; i >= 0; i--) {
            proseAfter[i] = proseAfter[i + 1] + (i + 1 < lines.size() && isProse(lines.get(i + 1)) ? 1 : 0);
        }
        List<String> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String normalized = normalized(line);
            if (normalized == null) {
                if (!line.isBlank()) {
                    kept.add(line);
                }
                continue;
            }
            if (matchesAny(dropRest, normalized)) {
                if (proseAfter[i] >= PROSE_AFTER_INSERT) {
                    continue;
                }
                break;
            }
            if (!normalized.isEmpty() && !matchesAny(dropLine, normalized)) {
                kept.add(line);
            }
        }
        return kept;
    }

    /**
     * Folds the Arabic in a rule the way lines are folded, so a rule written "النهاية" matches the line's "النهايه".
     * Only runs of Arabic letters are touched: they never carry regex meaning, while Latin does (\S is not \s).
     */
    static String foldArabic(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        int i = 0;
        while (i < regex.length()) {
            int j = i;
            while (j < regex.length() && Tokenizer.isArabic(regex.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.append(ArabicNormalizer.normalize(regex.substring(i, j)));
                i = j;
            } else {
                out.append(regex.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * Whether a line reads as a paragraph of an article: too long to be boilerplate, or a full sentence of some length
     * (an excerpt in a list of teasers is usually cut off with "…").
     */
    static boolean isProse(String line) {
        String stripped = line.strip();
        return !mayBeBoilerplate(stripped.length())
                || stripped.length() >= MIN_PROSE && SENTENCE_END.matcher(stripped).find();
    }

    /** Whether a line of this many characters may be boilerplate at all; longer lines are article text. */
    public static boolean mayBeBoilerplate(int length) {
        return length <= MAX_BOILERPLATE_LENGTH;
    }

    /** The form rules are matched against, or null for a line too long to be boilerplate. */
    private static String normalized(String line) {
        String stripped = line.strip();
        return stripped.length() > MAX_BOILERPLATE_LENGTH ? null : ArabicNormalizer.normalize(stripped);
    }

    private static boolean matchesAny(List<Rule> rules, String normalized) {
        for (Rule rule : rules) {
            if (rule.matches(normalized)) {
                return true;
            }
        }
        return false;
    }
}
