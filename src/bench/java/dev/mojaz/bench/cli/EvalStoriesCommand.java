package dev.mojaz.bench.cli;

import dev.mojaz.bench.eval.StoryPairEvaluation;
import dev.mojaz.bench.eval.StoryPairSet;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.UsageException;
import dev.mojaz.ingest.dedupe.GroupingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval stories}: pair precision and recall of story grouping (one story, all its sources) on the labelled
 * pairs, per kind of pair and per half, for the pair decision and for the stream grouper.
 */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = {"Pair precision and recall of story grouping on labelled pairs of reports (same event or not).",
                "Rules are tuned on half A; half B is the check."})
public final class EvalStoriesCommand implements Callable<Integer> {
    @Option(names = "--set", paramLabel = "DIR",
            description = "Folder with reports.txt, references.tsv and pairs.tsv. Default: the set bundled in the "
                    + "bench jar (src/bench/resources/dev/mojaz/stories in the repository).")
    String set;

    @Option(names = "--easc", paramLabel = "FILE.jsonl",
            description = "The EASC file, for the pairs that use its articles; without it they are skipped.")
    String easc;

    private final CliContext context;

    public EvalStoriesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path eascFile = null;
        if (easc != null) {
            eascFile = context.resolve(easc);
            if (!Files.isRegularFile(eascFile)) {
                throw new UsageException(easc + ": no such file");
            }
        }
        StoryPairSet pairs;
        String name;
        try {
            if (set != null) {
                Path dir = context.resolve(set);
                if (!Files.isDirectory(dir)) {
                    throw new UsageException(set + ": no such folder");
                }
                pairs = StoryPairSet.load(dir, eascFile);
                name = set;
            } else {
                pairs = StoryPairSet.loadBundled(eascFile);
                name = "bundled set";
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(set == null ? "no bundled set in this jar (use the bench jar, or give --set DIR)"
                    : e.getFile() + ": no such file", e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        var out = context.out();
        long same = pairs.pairs().stream().filter(StoryPairSet.LabelledPair::same).count();
        out.printf("Story grouping, %s: %d reports, %d pairs (%d same event, %d different)%s%n", name,
                pairs.reports().size(), pairs.pairs().size(), same, pairs.pairs().size() - same,
                pairs.skipped() == 0 ? "" : "; " + pairs.skipped() + " pairs skipped (their EASC text: give --easc)");
        StoryPairEvaluation.print(StoryPairEvaluation.evaluate(pairs, GroupingSettings.standard()), out);
        out.flush();
        return ExitCode.OK;
    }
}
