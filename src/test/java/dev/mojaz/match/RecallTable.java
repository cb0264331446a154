package dev.mojaz.match;

import dev.mojaz.config.MatchConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recall and precision of keyword matching on a table of cases ({@code recall-cases.tsv}: category, query, title,
 * text, expected, why), one row per category. Uses only the public matching API, so the same class measures another
 * build of Mojaz: {@code java -cp OTHER_CLASSES:THESE_TEST_CLASSES dev.mojaz.match.RecallTable recall-cases.tsv}.
 */
public final class RecallTable {
    /** One case of the table. */
    public record Case(String category, String query, String title, String text, boolean expected, String why) {
    }

    /** Counts of one category. */
    public static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        int trueNegatives;
        final List<String> wrong = new ArrayList<>();

        /** Matches found among the expected matches; 1 when nothing was to be found. */
        public double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1 : (double) truePositives / expected;
        }

        /** Expected matches among the matches found; 1 when nothing was found. */
        public double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1 : (double) truePositives / found;
        }

        public int cases() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        public List<String> wrong() {
            return wrong;
        }
    }

    private RecallTable() {
    }

    public static List<Case> read(InputStream in) throws IOException {
        List<Case> cases = new ArrayList<>();
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] c = lines[i].split("\t", -1);
            if (c.length != 6 || !(c[4].equals("match") || c[4].equals("no match"))) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 6 columns and match|no match: "
                        + lines[i]);
            }
            cases.add(new Case(c[0], c[1], c[2], c[3], c[4].equals("match"), c[5]));
        }
        return cases;
    }

    /** Decides every case as the alerting engine does; counts by category, in the table's order. */
    public static Map<String, Counts> measure(List<Case> cases) {
        QueryParser parser = new QueryParser(new MatchConfig(50, 200, 20), List.of());
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        for (Case c : cases) {
            Counts counts = byCategory.computeIfAbsent(c.category(), k -> new Counts());
            boolean matched;
            try {
                matched = MatchEngine.matches(parser.parse(c.query()), c.title(), c.text(), null);
            } catch (InvalidQueryException e) {
                throw new IllegalArgumentException("query " + c.query() + ": " + e.getMessage(), e);
            }
            if (matched && c.expected()) {
                counts.truePositives++;
            } else if (matched) {
                counts.falsePositives++;
                counts.wrong.add("false match: " + c.query() + " ⟵ " + c.text() + " (" + c.why() + ")");
            } else if (c.expected()) {
                counts.falseNegatives++;
                counts.wrong.add("missed: " + c.query() + " ⟵ " + c.text() + " (" + c.why() + ")");
            } else {
                counts.trueNegatives++;
            }
        }
        return byCategory;
    }

    /** The counts as a Markdown table. */
    public static String table(Map<String, Counts> byCategory) {
        StringBuilder out = new StringBuilder("| category | cases | matches expected | found | false matches | recall | precision |\n"
                + "|---|---|---|---|---|---|---|\n");
        byCategory.forEach((category, c) -> out.append(String.format(Locale.ROOT,
                "| %s | %d | %d | %d | %d | %.2f | %.2f |%n", category, c.cases(), c.truePositives + c.falseNegatives,
                c.truePositives, c.falsePositives, c.recall(), c.precision())));
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            Map<String, Counts> counts = measure(read(in));
            System.out.print(table(counts));
            if (args.length > 1 && args[1].equals("--wrong")) {
                counts.values().forEach(c -> c.wrong().forEach(System.out::println));
            }
        }
    }
}
