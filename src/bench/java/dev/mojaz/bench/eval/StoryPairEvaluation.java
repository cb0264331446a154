package dev.mojaz.bench.eval;

import dev.mojaz.bench.eval.StoryPairSet.Half;
import dev.mojaz.bench.eval.StoryPairSet.LabelledPair;
import dev.mojaz.bench.eval.StoryPairSet.LabelledReport;
import dev.mojaz.ingest.dedupe.AnalyzedReport;
import dev.mojaz.ingest.dedupe.EventMatcher;
import dev.mojaz.ingest.dedupe.GroupingSettings;
import dev.mojaz.ingest.dedupe.ReportAnalyzer;
import dev.mojaz.ingest.dedupe.StoryGrouper;
import dev.mojaz.ingest.dedupe.TermStatistics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Pair precision and recall of story grouping on a {@link StoryPairSet}, per kind of pair and per half, two ways:
 * <ul>
 *   <li><b>pair decision</b>: {@link EventMatcher} on each labelled pair;</li>
 *   <li><b>stream</b>: every report of the set through a {@link StoryGrouper} in order of publication; a pair is
 *       "same" when both reports end in one story. This is what the product does: it adds what chaining, the
 *       one-report-per-outlet rule and the index change.</li>
 * </ul>
 * Term rarity comes from every report of the set (the corpus seen), counted once before either run. A third, a
 * diagnostic, decides pairs with time ignored (no window, no rising threshold): what the words alone do, and so how
 * much of the precision the time of publication buys.
 */
public final class StoryPairEvaluation {
    private StoryPairEvaluation() {
    }

    /** Counts for one kind of pair (or a total) in one half. */
    public record Counts(int pairs, int same, int predictedSame, int truePositives) {
        Counts plus(boolean labelSame, boolean predicted) {
            return new Counts(pairs + 1, same + (labelSame ? 1 : 0), predictedSame + (predicted ? 1 : 0),
                    truePositives + (labelSame && predicted ? 1 : 0));
        }

        /** Share of the pairs grouped that should be: 1 when nothing was grouped. */
        public double precision() {
            return predictedSame == 0 ? 1 : (double) truePositives / predictedSame;
        }

        /** Share of the "same" pairs grouped: 1 when there are none. */
        public double recall() {
            return same == 0 ? 1 : (double) truePositives / same;
        }
    }

    /** Counts of one method, by kind and half, and totals by half. */
    public record Method(String name, Map<String, Map<Half, Counts>> byKind, Map<Half, Counts> total) {
    }

    /** The outcome: each method, and how much work the stream did. */
    public record Result(List<Method> methods, int reports, long streamComparisons) {
    }

    public static Result evaluate(StoryPairSet set, GroupingSettings settings) {
        ReportAnalyzer analyzer = StoryGrouper.standardAnalyzer();
        TermStatistics statistics = new TermStatistics();
        Map<String, AnalyzedReport> analyzed = new HashMap<>();
        for (LabelledReport report : set.reports().values()) {
            AnalyzedReport a = analyzer.analyze(report.report());
            analyzed.put(report.id(), a);
            statistics.add(a.terms());
        }

        EventMatcher matcher = new EventMatcher(settings);
        Method pairs = method("pair decision", set, p -> matcher.compare(analyzed.get(p.a()), analyzed.get(p.b()),
                statistics).sameEvent());

        StoryGrouper grouper = StoryGrouper.fixed(analyzer, matcher, statistics);
        List<LabelledReport> inOrder = new ArrayList<>(set.reports().values());
        inOrder.sort(Comparator.comparing((LabelledReport r) -> r.report().published()).thenComparing(
                LabelledReport::id));
        Map<String, Long> storyOf = new HashMap<>();
        for (LabelledReport report : inOrder) {
            storyOf.put(report.id(), grouper.add(report.report()).story().id());
        }
        Method stream = method("stream", set, p -> storyOf.get(p.a()).equals(storyOf.get(p.b())));

        EventMatcher timeless = new EventMatcher(new GroupingSettings(Duration.ofDays(365_000), settings.threshold(),
                0, settings.containmentWeight(), settings.rareShare(), settings.minSharedNames()));
        Method words = method("time ignored (diagnostic)", set, p -> timeless.compare(analyzed.get(p.a()),
                analyzed.get(p.b()), statistics).sameEvent());
        return new Result(List.of(pairs, stream, words), set.reports().size(), grouper.comparisons());
    }

    private interface Decision {
        boolean same(LabelledPair pair);
    }

    private static Method method(String name, StoryPairSet set, Decision decision) {
        Map<String, Map<Half, Counts>> byKind = new TreeMap<>(Comparator.comparing((String k) -> !k.startsWith("same"))
                .thenComparing(k -> k));
        Map<Half, Counts> total = emptyHalves();
        for (LabelledPair pair : set.pairs()) {
            boolean predicted = decision.same(pair);
            byKind.computeIfAbsent(pair.labelAndKind(), k -> emptyHalves())
                    .merge(pair.half(), new Counts(0, 0, 0, 0), (old, none) -> old.plus(pair.same(), predicted));
            total.merge(pair.half(), new Counts(0, 0, 0, 0), (old, none) -> old.plus(pair.same(), predicted));
        }
        return new Method(name, byKind, total);
    }

    private static Map<Half, Counts> emptyHalves() {
        Map<Half, Counts> halves = new EnumMap<>(Half.class);
        for (Half half : Half.values()) {
            halves.put(half, new Counts(0, 0, 0, 0));
        }
        return halves;
    }

    /**
     * The table: per kind of pair, how many pairs each half has and, per method and half, how many were grouped
     * ("same" kinds: grouped of all, the recall; "different" kinds: wrongly grouped, false merges); then precision
     * and recall per method and half.
     */
    public static void print(Result result, PrintStream out) {
        Method first = result.methods().get(0);
        int width = Math.max(42, first.byKind().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s %9s", "kind (grouped / pairs)", "pairs A/B"));
        for (Method method : result.methods().subList(0, 2)) {
            header.append(String.format("  %-19s", method.name()));
        }
        out.println(header.toString().stripTrailing());
        out.println(String.format("%-" + width + "s %9s", "", "") + "  A        B          A        B");
        for (Map.Entry<String, Map<Half, Counts>> kind : first.byKind().entrySet()) {
            Counts a = kind.getValue().get(Half.A);
            Counts b = kind.getValue().get(Half.B);
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s %9s", kind.getKey(),
                    a.pairs() + "/" + b.pairs()));
            for (Method method : result.methods().subList(0, 2)) {
                Map<Half, Counts> counts = method.byKind().get(kind.getKey());
                line.append(String.format("  %-8s %-8s ", grouped(counts.get(Half.A)), grouped(counts.get(Half.B))));
            }
            out.println(line.toString().stripTrailing());
        }
        Map<String, ToDoubleFunction<Counts>> totals = new LinkedHashMap<>();
        totals.put("precision", Counts::precision);
        totals.put("recall", Counts::recall);
        for (Map.Entry<String, ToDoubleFunction<Counts>> total : totals.entrySet()) {
            Counts a = first.total().get(Half.A);
            Counts b = first.total().get(Half.B);
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s %9s", total.getKey(),
                    total.getKey().equals("precision") ? a.pairs() + "/" + b.pairs() : a.same() + "/" + b.same()));
            for (Method method : result.methods().subList(0, 2)) {
                line.append(String.format("  %-8.3f %-8.3f ", total.getValue().applyAsDouble(method.total().get(Half.A)),
                        total.getValue().applyAsDouble(method.total().get(Half.B))));
            }
            out.println(line.toString().stripTrailing());
        }
        for (Method method : result.methods().subList(2, result.methods().size())) {
            Counts a = method.total().get(Half.A);
            Counts b = method.total().get(Half.B);
            out.printf("%s: precision %.3f / %.3f, recall %.3f / %.3f (A / B)%n", method.name(), a.precision(),
                    b.precision(), a.recall(), b.recall());
        }
        out.printf("stream: %d reports, %d comparisons (all pairs would be %d)%n", result.reports(),
                result.streamComparisons(), (long) result.reports() * (result.reports() - 1) / 2);
    }

    private static String grouped(Counts counts) {
        Objects.requireNonNull(counts);
        return counts.pairs() == 0 ? "-" : counts.predictedSame() + "/" + counts.pairs();
    }
}
