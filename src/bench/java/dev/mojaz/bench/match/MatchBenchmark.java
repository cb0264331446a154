package dev.mojaz.bench.match;

import dev.mojaz.config.MatchConfig;
import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The measurements behind {@code bench match}: stored queries generated from {@link BenchQueries}, the seed
 * articles matched against all of them by {@link MatchEngine}, by the naive baseline (every query checked one by
 * one with the same code, {@link MatchEngine#matchEachQuery}) and optionally by Lucene Monitor
 * ({@link MonitorMatchEngine}), all in one process, on one thread; plus the heap the registered queries take.
 * Every way must return the same matches for every article, or the run fails.
 */
public final class MatchBenchmark {
    /**
     * @param queries     stored queries to generate
     * @param rounds      times each article is matched by the engine (the naive baseline and Monitor run a tenth
     *                    of that, at least twice)
     * @param seed        seed of the query generator
     * @param monitor     also measure Lucene Monitor
     * @param presearcher Monitor's presearcher
     */
    public record Options(int queries, int rounds, long seed, boolean monitor, String presearcher) {
        public Options {
            if (queries < 1 || rounds < 1) {
                throw new IllegalArgumentException("queries and rounds must be positive");
            }
            Objects.requireNonNull(presearcher, "presearcher");
        }
    }

    /**
     * Timings of one way of matching: wall-clock time, and the CPU time of the matching thread, which other
     * processes on a busy machine disturb far less.
     */
    public record Timing(String name, int samples, double medianMillis, double p90Millis, double medianCpuMillis) {
    }

    /** What a run measured. */
    public record Report(int queries, int keywords, int articles, long registerMillis, long heapWithoutBytes,
            long heapWithBytes, Timing engine, Timing engineCold, Timing naive, Timing monitor, long monitorRegisterMillis,
            long monitorHeapBytes, double matchesPerArticle) {

        public long registryBytes() {
            return heapWithBytes - heapWithoutBytes;
        }

        /** The report as printed by {@code bench match}. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "java %s, %d processor(s) available, one matching thread",
                    Runtime.version(), Runtime.getRuntime().availableProcessors()));
            lines.add(String.format(Locale.ROOT, "stored queries: %d, generated from %d keywords; articles: %d seed "
                    + "articles; %.1f matching queries per article on average", queries, keywords, articles,
                    matchesPerArticle));
            lines.add(String.format(Locale.ROOT, "registry: %d ms to parse and register; heap after GC %.1f MB "
                    + "without, %.1f MB with: %.1f MB for %d queries (%d bytes per query)", registerMillis,
                    mb(heapWithoutBytes), mb(heapWithBytes), mb(registryBytes()), queries, registryBytes() / queries));
            lines.add(timing(engine) + "  (baseline)");
            lines.add(timing(engineCold) + String.format(Locale.ROOT, "  %.1fx the baseline",
                    engineCold.medianMillis / engine.medianMillis));
            lines.add(timing(naive) + String.format(Locale.ROOT, "  engine is %.1fx faster",
                    naive.medianMillis / engine.medianMillis));
            if (monitor != null) {
                lines.add(timing(monitor) + String.format(Locale.ROOT, "  engine is %.1fx faster",
                        monitor.medianMillis / engine.medianMillis));
                lines.add(String.format(Locale.ROOT, "lucene monitor: %d ms to register, %.1f MB of heap",
                        monitorRegisterMillis, mb(monitorHeapBytes)));
            }
            lines.add("results: every way found the same matches for every article");
            return lines;
        }

        private static String timing(Timing timing) {
            return String.format(Locale.ROOT, "%-38s median %8.3f ms per article (cpu %8.3f ms), p90 %8.3f ms, %d runs",
                    timing.name + ":", timing.medianMillis, timing.medianCpuMillis, timing.p90Millis, timing.samples);
        }

        private static double mb(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }

    private MatchBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param sourceIds the configured source ids, for {@code source:} restrictions
     * @param limits    the query limits
     * @param progress  receives a line before each long step
     */
    public static Report run(Options options, List<String> sourceIds, MatchConfig limits, Consumer<String> progress) {
        List<SampleArticles.Article> articles = SampleArticles.load();
        BenchQueries generator = BenchQueries.load();
        QueryParser parser = new QueryParser(limits, sourceIds);
        progress.accept("generating " + options.queries() + " queries");
        List<String> texts = generator.generate(options.queries(), options.seed(), sourceIds, text -> {
            try {
                parser.parse(text);
                return true;
            } catch (InvalidQueryException e) {
                return false;
            }
        });

        // Allocated before the baseline so that this list of references is not counted as the registry's.
        List<SubscriptionQuery> registered = new ArrayList<>(texts.size());
        long heapWithout = usedHeapAfterGc();
        progress.accept("parsing and registering");
        long start = System.nanoTime();
        MatchEngine engine = new MatchEngine();
        for (int i = 0; i < texts.size(); i++) {
            SubscriptionQuery query = SubscriptionQuery.of(i + 1, 1_000_000L + i % 20_000, parse(parser, texts.get(i)));
            engine.put(query);
            registered.add(query);
        }
        long registerMillis = (System.nanoTime() - start) / 1_000_000;
        long heapWith = usedHeapAfterGc();

        String[] sources = sourceIdsOf(articles.size(), sourceIds);
        progress.accept("matching");
        int rounds = options.rounds();
        int fewRounds = Math.max(2, rounds / 10);
        // Warm-up, so that the JIT has compiled what is measured.
        measure(articles, sources, Math.max(50, rounds / 2), (a, s) -> engine.match(a.title(), a.text(), s));
        measure(articles, sources, 2, (a, s) -> engine.matchEachQuery(a.title(), a.text(), s));
        Timing engineTiming = timing("mojaz engine (anchor index)",
                measure(articles, sources, rounds, (a, s) -> engine.match(a.title(), a.text(), s)));
        Timing coldTiming = timing("mojaz engine, every word new to it",
                measure(articles, sources, fewRounds, (a, s) -> engine.match(a.title(), a.text(), s),
                        engine::forgetWordForms));
        Timing naiveTiming = timing("naive (every query checked)",
                measure(articles, sources, fewRounds, (a, s) -> engine.matchEachQuery(a.title(), a.text(), s)));

        List<List<SubscriptionQuery>> expected = new ArrayList<>();
        long matches = 0;
        for (int i = 0; i < articles.size(); i++) {
            SampleArticles.Article article = articles.get(i);
            List<SubscriptionQuery> found = engine.match(article.title(), article.text(), sources[i]);
            agree("naive", article, found, engine.matchEachQuery(article.title(), article.text(), sources[i]));
            expected.add(found);
            matches += found.size();
        }

        Timing monitorTiming = null;
        long monitorRegisterMillis = 0;
        long monitorHeap = 0;
        if (options.monitor()) {
            MonitorMatchEngine.PresearcherKind kind =
                    MonitorMatchEngine.PresearcherKind.valueOf(options.presearcher().toUpperCase(Locale.ROOT));
            progress.accept("registering in lucene monitor (" + kind.name().toLowerCase(Locale.ROOT) + " presearcher)");
            long heapBefore = usedHeapAfterGc();
            start = System.nanoTime();
            try (MonitorMatchEngine monitor = new MonitorMatchEngine(kind)) {
                monitor.putAll(registered);
                monitorRegisterMillis = (System.nanoTime() - start) / 1_000_000;
                monitorHeap = usedHeapAfterGc() - heapBefore;
                progress.accept("matching with lucene monitor");
                measure(articles, sources, 2, (a, s) -> monitor.match(a.title(), a.text(), s));
                monitorTiming = timing("lucene monitor (" + kind.name().toLowerCase(Locale.ROOT) + " presearcher)",
                        measure(articles, sources, fewRounds, (a, s) -> monitor.match(a.title(), a.text(), s)));
                for (int i = 0; i < articles.size(); i++) {
                    SampleArticles.Article article = articles.get(i);
                    agree("lucene monitor", article, expected.get(i),
                            monitor.match(article.title(), article.text(), sources[i]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Report(registered.size(), generator.keywordCount(), articles.size(), registerMillis, heapWithout,
                heapWith, engineTiming, coldTiming, naiveTiming, monitorTiming, monitorRegisterMillis, monitorHeap,
                (double) matches / articles.size());
    }

    private static Query parse(QueryParser parser, String text) {
        try {
            return parser.parse(text);
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("generated query did not parse: " + text, e);
        }
    }

    /** Gives the articles sources in turn, so that source restrictions are exercised; the last one has none. */
    private static String[] sourceIdsOf(int articles, List<String> sourceIds) {
        String[] sources = new String[articles];
        for (int i = 0; i < articles - 1 && !sourceIds.isEmpty(); i++) {
            sources[i] = sourceIds.get(i % sourceIds.size());
        }
        return sources;
    }

    private static void agree(String way, SampleArticles.Article article, List<SubscriptionQuery> expected,
            List<SubscriptionQuery> actual) {
        if (!ids(expected).equals(ids(actual))) {
            throw new IllegalStateException(way + " and the engine disagree on " + article.name() + ": "
                    + expected.size() + " vs " + actual.size() + " matches");
        }
    }

    private static List<Long> ids(List<SubscriptionQuery> queries) {
        return queries.stream().map(SubscriptionQuery::id).sorted().toList();
    }

    private interface Matching {
        List<SubscriptionQuery> match(SampleArticles.Article article, String sourceId);
    }

    /** Wall-clock and CPU nanoseconds of each call, {@code rounds} times over every article. */
    private static long[][] measure(List<SampleArticles.Article> articles, String[] sources, int rounds,
            Matching matching) {
        return measure(articles, sources, rounds, matching, () -> { });
    }

    /** As above, running {@code before} (untimed) before each call. */
    private static long[][] measure(List<SampleArticles.Article> articles, String[] sources, int rounds,
            Matching matching, Runnable before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long[] wall = new long[rounds * articles.size()];
        long[] cpuTime = new long[wall.length];
        int n = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < articles.size(); i++) {
                before.run();
                long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long start = System.nanoTime();
                sink += matching.match(articles.get(i), sources[i]).size();
                wall[n] = System.nanoTime() - start;
                cpuTime[n++] = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : wall[n - 1];
            }
        }
        if (sink < 0) {
            throw new AssertionError("unreachable: keeps the results alive");
        }
        return new long[][] {wall, cpuTime};
    }

    private static Timing timing(String name, long[][] samples) {
        long[] wall = samples[0].clone();
        long[] cpu = samples[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timing(name, wall.length, percentile(wall, 0.5) / 1e6, percentile(wall, 0.9) / 1e6,
                percentile(cpu, 0.5) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        double index = p * (sorted.length - 1);
        int low = (int) Math.floor(index);
        int high = (int) Math.ceil(index);
        return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
    }

    /** Used heap once garbage collection has nothing left to free. */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = memory.getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 10 && used < previous; i++) {
            previous = used;
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
        }
        return Math.min(used, previous);
    }
}
