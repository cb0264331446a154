package dev.mojaz.bench.cli;

import dev.mojaz.bench.extract.ComparisonExtractor;
import dev.mojaz.bench.extract.Comparisons;
import dev.mojaz.bench.extract.ExtractionDataset;
import dev.mojaz.bench.extract.HostilePages;
import dev.mojaz.bench.extract.JsoupParagraphBaseline;
import dev.mojaz.bench.extract.MojazComparison;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.UsageException;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractionBudget;
import dev.mojaz.ingest.extract.HtmlDecoder;
import dev.mojaz.text.BoilerplateFilter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench extract --dataset DIR}: pages per second of Mojaz's extractor against the comparison extractors (the
 * Jsoup baseline, and Readability4J in the bench jar), all in this JVM on the same decoded pages. Rounds alternate
 * between extractors so that warm-up, garbage collection and machine load fall on all of them alike; the figure
 * reported is each extractor's best round, and the ratio is Mojaz's pages per second over the other's.
 *
 * <p>Then the hostile pages ({@link HostilePages}: valid HTML built to be slow, generated in memory): Mojaz's time
 * per page, as the median of {@code --hostile-rounds} runs in CPU time (what the extraction's budget counts) and in
 * wall time, and the CPU time per megabyte as a ratio of the benchmark pages' (in Mojaz's best round above): near 1
 * means the page costs what its size says, as a normal page does. The other extractors are not run on them:
 * Readability4J takes minutes on some.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Pages per second of article extraction, as a ratio against the other extractors in the same run.")
public final class BenchExtractCommand implements Runnable {
    private final CliContext context;

    @Option(names = "--dataset", required = true, paramLabel = "DIR",
            description = "Folder with ground-truth.json and html/<id>.html.gz (the pages to extract).")
    String dataset;

    @Option(names = "--rounds", defaultValue = "10", paramLabel = "N",
            description = "Measured rounds over all pages per extractor (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N",
            description = "Unmeasured rounds first, to let the JIT compile (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--hostile-rounds", defaultValue = "5", paramLabel = "N",
            description = "Measured runs of each hostile page, after one unmeasured run when --warmup is not 0;"
                    + " 0 leaves them out (default: ${DEFAULT-VALUE}).")
    int hostileRounds;

    public BenchExtractCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (rounds < 1 || warmup < 0 || hostileRounds < 0) {
            throw new UsageException("--rounds must be at least 1, --warmup and --hostile-rounds at least 0");
        }
        Path dir = context.resolve(dataset);
        if (!Files.isDirectory(dir)) {
            throw new UsageException("dataset folder not found: " + dir);
        }
        List<ExtractionDataset.Page> pages;
        try {
            pages = ExtractionDataset.load(dir);
        } catch (IOException e) {
            throw new UsageException("cannot read the dataset " + dir + ": " + e.getMessage(), e);
        }
        HtmlDecoder decoder = new HtmlDecoder();
        List<String> htmls = pages.stream().map(p -> decoder.decode(p.html(), null).text()).toList();
        long bytes = pages.stream().mapToLong(p -> p.html().length).sum();

        List<ComparisonExtractor> extractors = new ArrayList<>();
        extractors.add(new MojazComparison(new ArticleExtractor(BoilerplateFilter.standard())));
        extractors.addAll(Comparisons.fromClasspath());
        extractors.add(new JsoupParagraphBaseline());

        long[] best = new long[extractors.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        long bestMojazCpu = Long.MAX_VALUE; // Mojaz's CPU time in its best round, for the hostile pages' ratio
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            for (int i = 0; i < extractors.size(); i++) {
                ComparisonExtractor extractor = extractors.get(i);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int p = 0; p < pages.size(); p++) {
                    try {
                        sink += extractor.extractText(htmls.get(p), pages.get(p).url()).length();
                    } catch (RuntimeException e) {
                        sink--; // a failing page still costs what it cost
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (round >= warmup && elapsed < best[i]) {
                    best[i] = elapsed;
                    if (i == 0) {
                        bestMojazCpu = threads.getCurrentThreadCpuTime() - cpuStart;
                    }
                }
            }
        }
        PrintStream out = context.out();
        out.printf(Locale.ROOT, "%d pages (%.1f MB of HTML), best of %d rounds after %d warm-up rounds%n",
                pages.size(), bytes / 1e6, rounds, warmup);
        out.printf(Locale.ROOT, "%-32s %10s %12s%n", "extractor", "pages/s", "Mojaz ×");
        double mojaz = pages.size() / (best[0] / 1e9);
        for (int i = 0; i < extractors.size(); i++) {
            double perSecond = pages.size() / (best[i] / 1e9);
            out.printf(Locale.ROOT, "%-32s %10.1f %12s%n", extractors.get(i).name(), perSecond,
                    i == 0 ? "" : String.format(Locale.ROOT, "%.2f", mojaz / perSecond));
        }
        sink += fromRawBytes(out, pages, threads);
        if (hostileRounds > 0) {
            sink += hostilePages(out, threads, bestMojazCpu / 1e6 / (bytes / 1e6));
        }
        if (sink == Long.MIN_VALUE) {
            out.println(); // keeps the extracted text observable so the JIT cannot drop the work
        }
    }

    /**
     * Prints Mojaz's pages per CPU-second from the raw bytes, decoding included, as ingest sees a page: the median of
     * {@code rounds} rounds (after the warm-up rounds) over all pages. CPU time, not wall time, so that other work on
     * a shared machine counts less. Returns a figure computed from the texts, so that the JIT cannot drop the work.
     */
    private long fromRawBytes(PrintStream out, List<ExtractionDataset.Page> pages, ThreadMXBean threads) {
        ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());
        long sink = 0;
        long[] cpu = new long[rounds];
        for (int round = 0; round < warmup + rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (ExtractionDataset.Page page : pages) {
                sink += extractor.extract(page.html(), null, page.url()).text().length();
            }
            if (round >= warmup) {
                cpu[round - warmup] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        out.printf(Locale.ROOT, "%nMojaz from raw bytes, decoding included: %.0f pages per CPU-second (median of %d"
                + " rounds)%n", pages.size() / (median(cpu) / 1e9), rounds);
        return sink;
    }

    /**
     * Prints Mojaz's times on the hostile pages; {@code normalMsPerMb} is its CPU time per megabyte on the benchmark
     * pages. Returns a figure computed from the texts, so that the JIT cannot drop the work.
     */
    private long hostilePages(PrintStream out, ThreadMXBean threads, double normalMsPerMb) {
        ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());
        long sink = 0;
        out.printf(Locale.ROOT, "%nhostile pages (generated), median of %d runs%n", hostileRounds);
        out.printf(Locale.ROOT, "%-24s %9s %12s %12s %14s%n", "page", "KB", "CPU ms", "wall ms", "ms/MB × normal");
        for (HostilePages.Page page : HostilePages.all()) {
            if (warmup > 0) {
                sink += extractor.extract(page.html(), null).text().length();
            }
            long[] cpu = new long[hostileRounds];
            long[] wall = new long[hostileRounds];
            for (int r = 0; r < hostileRounds; r++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                sink += extractor.extract(page.html(), null).text().length();
                wall[r] = System.nanoTime() - wallStart;
                cpu[r] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            double cpuMs = median(cpu) / 1e6;
            double megabytes = page.html().length() / 1e6;
            out.printf(Locale.ROOT, "%-24s %9d %12.1f %12.1f %14.2f%n", page.name(), page.html().length() / 1000,
                    cpuMs, median(wall) / 1e6, cpuMs / megabytes / normalMsPerMb);
        }
        out.printf(Locale.ROOT, "(an extraction that reaches its budget, %s, settles for the text of the page's"
                + " paragraphs)%n", ExtractionBudget.standard());
        return sink;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
