package dev.mojaz.cli;

import dev.mojaz.extract.ArticleExtractor;
import dev.mojaz.extract.HtmlDecoder;
import dev.mojaz.extract.eval.ComparisonExtractor;
import dev.mojaz.extract.eval.Comparisons;
import dev.mojaz.extract.eval.ExtractionDataset;
import dev.mojaz.extract.eval.JsoupParagraphBaseline;
import dev.mojaz.extract.eval.MojazComparison;
import dev.mojaz.text.BoilerplateFilter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench extract --dataset DIR}: pages per second of Mojaz's extractor against the comparison extractors (the
 * Jsoup baseline, and Readability4J in the bench jar), all in this JVM on the same decoded pages. Rounds alternate
 * between extractors so that warm-up, garbage collection and machine load fall on all of them alike; the figure
 * reported is each extractor's best round, and the ratio is Mojaz's pages per second over the other's.
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

    public BenchExtractCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (rounds < 1 || warmup < 0) {
            throw new UsageException("--rounds must be at least 1 and --warmup at least 0");
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
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        long sink = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            for (int i = 0; i < extractors.size(); i++) {
                ComparisonExtractor extractor = extractors.get(i);
                long start = System.nanoTime();
                for (int p = 0; p < pages.size(); p++) {
                    try {
                        sink += extractor.extractText(htmls.get(p), pages.get(p).url()).length();
                    } catch (RuntimeException e) {
                        sink--; // a failing page still costs what it cost
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (round >= warmup) {
                    best[i] = Math.min(best[i], elapsed);
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
        if (sink == Long.MIN_VALUE) {
            out.println(); // keeps the extracted text observable so the JIT cannot drop the work
        }
    }
}
