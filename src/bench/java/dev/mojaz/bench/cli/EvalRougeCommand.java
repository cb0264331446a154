package dev.mojaz.bench.cli;

import dev.mojaz.bench.eval.EascArticle;
import dev.mojaz.bench.eval.EascDataset;
import dev.mojaz.bench.eval.RougeEvaluation.Candidate;
import dev.mojaz.bench.eval.RougeEvaluation.SentenceOrder;
import dev.mojaz.bench.eval.RougeEvaluation;
import dev.mojaz.bench.summary.TextRankBaseline;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.UsageException;
import dev.mojaz.config.SummaryConfig;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.text.BoilerplateFilter;
import dev.mojaz.text.Sentence;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval rouge}: the EASC protocol (the dataset's README) in Java: Lead and Mojaz side by side, with the
 * sentence-splitting and ranking effects separated.
 */
@Command(name = "rouge", mixinStandardHelpOptions = true,
        description = {"ROUGE-1/2/L F1 x100 of the Lead baseline and of Mojaz on an EASC-format dataset.",
                "Protocol: budget = mean reference length in tokens; sentences taken in each system's order until the "
                        + "budget is reached; scores averaged over references, then articles."})
public final class EvalRougeCommand implements Callable<Integer> {
    /** Which articles to score: all, or one half for cross-validation (positions counted from 1). */
    enum Articles { all, odd, even }

    @Option(names = "--dataset", required = true, paramLabel = "FILE.jsonl",
            description = "One JSON object a line: topic, source, url, article, refs.")
    Path dataset;

    @Option(names = "--articles", paramLabel = "all|odd|even", defaultValue = "all",
            description = "Score all articles, or only the odd or even ones (1st, 3rd… / 2nd, 4th…), to check that a "
                    + "choice made on one half holds on the other. Default: ${DEFAULT-VALUE}.")
    Articles articles;

    @Option(names = "--titles",
            description = "Also score Mojaz given each article's title where the dataset has one (Wikipedia URLs).")
    boolean titles;

    private final CliContext context;

    public EvalRougeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path file = context.resolve(dataset.toString());
        if (!Files.isRegularFile(file)) {
            throw new UsageException(dataset + ": no such file");
        }
        List<EascArticle> all;
        try {
            all = EascDataset.read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(dataset + ": no such file");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new UsageException(dataset + ": no articles");
        }
        List<EascArticle> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean odd = i % 2 == 0; // the 1st, 3rd, … article
            if (articles == Articles.all || (articles == Articles.odd) == odd) {
                chosen.add(all.get(i));
            }
        }

        SentenceSplitter splitter = new SentenceSplitter(BoilerplateFilter.standard());
        TermAnalyzer terms = TermAnalyzer.standard();
        Summarizer mojaz = new Summarizer(new SummaryConfig(3, 600, 0));
        TextRankBaseline textRank = new TextRankBaseline(splitter, terms);

        Map<String, SentenceOrder> systems = new LinkedHashMap<>();
        systems.put("Lead (protocol sentences)", RougeEvaluation.LEAD);
        systems.put("Lead (Mojaz sentences)", a -> candidates(splitter.bodySentences(a.article())));
        systems.put("TextRank, TF-IDF cosine", a -> candidates(textRank.rank(a.article())));
        systems.put("Mojaz", a -> candidates(mojaz.rank(null, a.article()).ranked()));
        if (titles) {
            systems.put("Mojaz, with titles", a -> candidates(mojaz.rank(a.title(), a.article()).ranked()));
        }

        var out = context.out();
        out.printf("EASC protocol, %s: %d articles (%s)%n", dataset, chosen.size(), articles);
        table(out, chosen, systems, false);
        out.println();
        out.println("Diagnostic, not the protocol: the same picks cut at exactly the budget (equal length)");
        table(out, chosen, systems, true);
        out.flush();
        return ExitCode.OK;
    }

    private static void table(PrintStream out, List<EascArticle> articles, Map<String, SentenceOrder> systems,
                              boolean cutAtBudget) {
        out.printf("%-28s %8s %8s %8s %14s%n", "system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "length/budget");
        systems.forEach((name, order) -> {
            RougeEvaluation.Result row = RougeEvaluation.evaluate(name, articles, order, a -> true, cutAtBudget);
            out.printf("%-28s %8.1f %8.1f %8.1f %14.2f%n", row.system(), row.rouge1(), row.rouge2(), row.rougeL(),
                    row.lengthRatio());
        });
    }

    private static List<Candidate> candidates(List<Sentence> sentences) {
        List<Candidate> candidates = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            candidates.add(new Candidate(sentence.text(), sentence.start()));
        }
        return candidates;
    }
}
