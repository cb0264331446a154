package dev.mojaz.bench.cli;

import dev.mojaz.bench.summary.TextRankBaseline;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.UsageException;
import dev.mojaz.config.SummaryConfig;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.ingest.summary.Summary;
import dev.mojaz.text.BoilerplateFilter;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import dev.mojaz.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench summarize}: summaries per second on one thread over the bundled seed articles, against a plain
 * TF-IDF TextRank run in the same process on the same articles; then the heap over a long run of summaries.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Articles per second on one thread, Mojaz against a plain TF-IDF TextRank on the same "
                + "articles in the same run; then heap after GC during a long run of summaries."})
public final class BenchSummarizeCommand implements Callable<Integer> {
    static final String[] SEEDS = {"000_6b2c92f6e4f8b8b5.txt", "001_cbaf4bc2a732227a.txt", "002_ac1c3e60c73cbb0f.txt",
            "003_3a0528656e2a16ca.txt", "004_625e51d79cef2ff7.txt"};
    private static final int TARGET_WORDS = 700;
    private static final int ROUNDS = 3;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Measuring time per article and system, split into three alternating rounds whose median "
                    + "is reported. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "6",
            description = "Warm-up time before measuring (JIT compilation; shorter gives lower, noisier figures). "
                    + "Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Option(names = "--summaries", paramLabel = "N", defaultValue = "10000",
            description = "Summaries in the memory run. Default: ${DEFAULT-VALUE}.")
    int summaries;

    private final CliContext context;

    public BenchSummarizeCommand(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** One article of the benchmark. */
    record Article(String name, String text, int words) {
    }

    @Override
    public Integer call() throws IOException {
        if (seconds <= 0 || warmup < 0 || summaries < 1) {
            throw new UsageException("--seconds and --summaries must be positive, --warmup not negative");
        }
        List<Article> articles = articles();
        SentenceSplitter splitter = new SentenceSplitter(BoilerplateFilter.standard());
        TermAnalyzer terms = TermAnalyzer.standard();
        // No cache: every call does the whole work, as for an article seen for the first time.
        Summarizer mojaz = new Summarizer(new SummaryConfig(3, 600, 0), splitter,
                new dev.mojaz.ingest.summary.SentenceRanker(terms));
        TextRankBaseline textRank = new TextRankBaseline(splitter, terms);
        ToIntFunction<String> mojazRun = text -> mojaz.summarize(null, text).sentences().size();
        ToIntFunction<String> textRankRun = text -> textRank.summarize(text, 3).size();

        PrintStream out = context.out();
        out.printf("bench summarize: one thread, median of %d alternating rounds over %.1f s per article and system, "
                + "after %.1f s warm-up (Java %s)%n", ROUNDS, seconds, warmup, System.getProperty("java.version"));
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmupEnd) {
            for (Article article : articles) {
                mojazRun.applyAsInt(article.text());
                textRankRun.applyAsInt(article.text());
            }
        }
        out.printf("%-40s %6s %12s %12s %7s%n", "article", "words", "Mojaz/s", "TextRank/s", "ratio");
        for (Article article : articles) {
            double[] m = new double[ROUNDS];
            double[] t = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                m[round] = rate(mojazRun, article.text(), seconds / ROUNDS);
                t[round] = rate(textRankRun, article.text(), seconds / ROUNDS);
            }
            double mojazRate = median(m);
            double textRankRate = median(t);
            out.printf("%-40s %6d %12.0f %12.0f %6.2fx%n", article.name(), article.words(), mojazRate, textRankRate,
                    mojazRate / textRankRate);
        }
        out.flush();
        memory(out, mojaz, articles);
        return ExitCode.OK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Calls per second of {@code run} on {@code text}, over {@code duration} seconds. */
    private double rate(ToIntFunction<String> run, String text, double duration) {
        long sink = 0;
        long calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (duration * 1e9);
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                sink += run.applyAsInt(text);
            }
            calls += 16;
            now = System.nanoTime();
        } while (now < end);
        if (sink < 0) {
            context.err().println(sink); // keeps the work observable to the JIT
        }
        return calls / ((now - start) / 1e9);
    }

    /**
     * Heap after GC at intervals over a long run of summaries of distinct inputs: once without a cache (the engine
     * must not keep anything), once with a cache of half the run's size (the heap must stop growing when it is
     * full).
     */
    private void memory(PrintStream out, Summarizer uncached, List<Article> articles) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int step = Math.max(1, summaries / 10);
        int cacheSize = Math.max(1, summaries / 2);
        for (boolean cached : new boolean[] {false, true}) {
            Summarizer summarizer = cached ? new Summarizer(new SummaryConfig(3, 600, cacheSize)) : uncached;
            StringBuilder line = new StringBuilder();
            line.append(String.format("memory, %,d summaries of distinct texts, %s: heap after GC (MB)",
                    summaries, cached ? String.format("cache of %,d", cacheSize) : "no cache"));
            for (int i = 0; i <= summaries; i++) {
                if (i % step == 0) {
                    line.append(String.format(" %d:%.1f", i, heapAfterGc(memory)));
                }
                if (i < summaries) {
                    Article article = articles.get(i % articles.size());
                    // A distinct text each time (a cache miss), same size and shape as the article.
                    Summary summary = summarizer.summarize(null, article.text() + "\n\n" + i);
                    if (summary.isEmpty()) {
                        throw new IllegalStateException("empty summary for " + article.name());
                    }
                }
            }
            out.println(line);
            if (cached) {
                out.printf("cache entries at the end: %,d%n", summarizer.cachedSummaries());
            }
        }
    }

    private static double heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** The five seeds, and a 700-word article: the first whole paragraphs of the longest seed. */
    static List<Article> articles() throws IOException {
        List<Article> articles = new ArrayList<>();
        String longest = "";
        for (String seed : SEEDS) {
            String text = seed(seed);
            articles.add(new Article(seed, text, Tokenizer.countWords(text, 0, text.length())));
            if (text.length() > longest.length()) {
                longest = text;
            }
        }
        StringBuilder cut = new StringBuilder();
        int words = 0;
        for (String paragraph : longest.split("\n\n")) {
            if (words >= TARGET_WORDS) {
                break;
            }
            cut.append(paragraph).append("\n\n");
            words += Tokenizer.countWords(paragraph, 0, paragraph.length());
        }
        String text = cut.toString();
        articles.add(new Article("~700 words (first paragraphs of 001)", text, Tokenizer.countWords(text, 0,
                text.length())));
        return articles;
    }

    static String seed(String name) throws IOException {
        try (InputStream in = BenchSummarizeCommand.class.getResourceAsStream("/dev/mojaz/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("seed article missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
