package dev.mojaz.bench.cli;

import dev.mojaz.bench.extract.ComparisonExtractor;
import dev.mojaz.bench.extract.Comparisons;
import dev.mojaz.bench.extract.ExtractionDataset;
import dev.mojaz.bench.extract.JsoupParagraphBaseline;
import dev.mojaz.bench.extract.MojazComparison;
import dev.mojaz.bench.extract.ShingleScorer;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.UsageException;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.HtmlDecoder;
import dev.mojaz.text.BoilerplateFilter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval extraction --dataset DIR}: precision, recall and F1 of Mojaz's extractor and, in the same run, of the
 * plain Jsoup paragraph baseline and any comparison extractor on the classpath (Readability4J in the bench jar),
 * by the Scrapinghub benchmark's own scoring rule.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = "Score article extraction against a dataset in the Scrapinghub benchmark's layout.")
public final class EvalExtractionCommand implements Runnable {
    private final CliContext context;

    @Option(names = "--dataset", required = true, paramLabel = "DIR",
            description = "Folder with ground-truth.json and html/<id>.html.gz.")
    String dataset;

    @Option(names = "--half", paramLabel = "1|2|A|B",
            description = "Score only one half of the pages: 1 or 2 takes alternate pages by id, for cross-validation;"
                    + " A or B the half each page names in ground-truth.json (sets split once, before study).")
    String half;

    @Option(names = "--pages", paramLabel = "FILE",
            description = "Also write each page's precision and recall, one line per page and extractor (TSV).")
    String pagesFile;

    public EvalExtractionCommand(CliContext context) {
        this.context = context;
    }

    /** Alternate pages for 1 and 2; the pages that name the half for A and B (a set that names none is an error). */
    private static List<ExtractionDataset.Page> selectHalf(List<ExtractionDataset.Page> pages, String half, Path dir) {
        List<ExtractionDataset.Page> selected = new ArrayList<>();
        if (half.equals("1") || half.equals("2")) {
            for (int i = Integer.parseInt(half) - 1; i < pages.size(); i += 2) {
                selected.add(pages.get(i));
            }
            return selected;
        }
        for (ExtractionDataset.Page page : pages) {
            if (half.equals(page.half())) {
                selected.add(page);
            }
        }
        if (selected.isEmpty()) {
            throw new UsageException("no page of " + dir.resolve("ground-truth.json") + " names the half " + half
                    + " (\"half\": \"" + half + "\")");
        }
        return selected;
    }

    @Override
    public void run() {
        if (half != null && !List.of("1", "2", "A", "B").contains(half)) {
            throw new UsageException("--half must be 1, 2, A or B, not " + half);
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
        if (half != null) {
            pages = selectHalf(pages, half, dir);
        }
        List<ComparisonExtractor> extractors = new ArrayList<>();
        extractors.add(new MojazComparison(new ArticleExtractor(BoilerplateFilter.standard())));
        extractors.addAll(Comparisons.fromClasspath());
        extractors.add(new JsoupParagraphBaseline());

        HtmlDecoder decoder = new HtmlDecoder();
        List<String> htmls = pages.stream().map(p -> decoder.decode(p.html(), null).text()).toList();
        StringBuilder perPage = new StringBuilder("id\textractor\tprecision\trecall\n");
        PrintStream out = context.out();
        out.printf(Locale.ROOT, "%-32s %5s %9s %7s %6s%n", "extractor", "pages", "precision", "recall", "F1");
        for (ComparisonExtractor extractor : extractors) {
            ShingleScorer scorer = new ShingleScorer();
            int failures = 0;
            for (int i = 0; i < pages.size(); i++) {
                ExtractionDataset.Page page = pages.get(i);
                String text;
                try {
                    text = extractor.extractText(htmls.get(i), page.url());
                } catch (RuntimeException e) {
                    failures++;
                    text = ""; // a failure scores as an empty extraction, as in the benchmark
                }
                ShingleScorer.PageScore score = scorer.add(page.expected(), text);
                perPage.append(page.id()).append('\t').append(extractor.name()).append('\t')
                        .append(String.format(Locale.ROOT, "%.4f\t%.4f%n", score.precision(), score.recall()));
            }
            ShingleScorer.Totals totals = scorer.totals();
            out.printf(Locale.ROOT, "%-32s %5d %9.3f %7.3f %6.3f%s%n", extractor.name(), totals.pages(),
                    totals.precision(), totals.recall(), totals.f1(),
                    failures == 0 ? "" : "  (" + failures + " pages failed)");
        }
        if (pagesFile != null) {
            try {
                Files.writeString(context.resolve(pagesFile), perPage, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + pagesFile + ": " + e.getMessage(), e);
            }
        }
    }
}
