package dev.mojaz.cli;

import dev.mojaz.common.Durations;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.Storage;
import dev.mojaz.ingest.poll.EntryResult;
import dev.mojaz.ingest.poll.PollReport;
import dev.mojaz.store.SqlStorage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fetch --once}: polls every enabled source once, stores what is new, and prints per source what it did.
 * Exit 0 when at least one source could be read (or none is enabled), 1 when every source polled failed.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Poll sources once: fetch feeds and articles, extract, dedupe and store; report per source.")
public final class FetchCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--once", description = "Poll every enabled source once and exit (continuous polling runs inside 'run').")
    boolean once;

    @Option(names = "--source", paramLabel = "ID", split = ",",
            description = "Poll only these sources (comma-separated ids; disabled ones too).")
    List<String> only;

    private final CliContext context;

    public FetchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!once) {
            throw new UsageException("give --once (continuous polling is part of 'run')");
        }
        MojazConfig loaded = config.load(context);
        try (Storage stores = SqlStorage.open(loaded.store(), context.workingDirectory(), context.clock());
             SourcePipeline pipeline = new SourcePipeline(loaded, stores, context.clock())) {
            List<SourceConfig> chosen = choose(pipeline);
            if (chosen.isEmpty()) {
                context.out().println("no enabled sources");
                return ExitCode.OK;
            }
            List<PollReport> reports = pipeline.scheduler().pollNow(chosen);
            PrintStream out = context.out();
            reports.forEach(report -> print(out, report));
            long failed = reports.stream().filter(r -> r.status() == PollReport.Status.FAILED).count();
            long stored = reports.stream().mapToLong(PollReport::stored).sum();
            out.println("total: " + plural(reports.size(), "source") + " polled, " + plural(stored, "new article") + ", "
                    + plural(failed, "source") + " failed");
            return failed == reports.size() ? ExitCode.FAILURE : ExitCode.OK;
        }
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private List<SourceConfig> choose(SourcePipeline pipeline) {
        if (only == null || only.isEmpty()) {
            return pipeline.catalog().enabled();
        }
        List<SourceConfig> chosen = new ArrayList<>();
        for (String id : only) {
            chosen.add(pipeline.catalog().find(id.strip()).orElseThrow(() ->
                    new UsageException("no source with id '" + id.strip() + "' (see 'mojaz sources')")));
        }
        return chosen;
    }

    private void print(PrintStream out, PollReport report) {
        Duration untilNext = Duration.between(context.clock().instant(), report.nextPoll());
        String next = "next poll in " + Durations.format(untilNext.isNegative() ? Duration.ZERO
                : Duration.ofSeconds(untilNext.toSeconds()));
        switch (report.status()) {
            case FAILED -> out.println(report.sourceId() + ": FAILED: " + report.error() + " (" + next + ")");
            case NOT_MODIFIED -> out.println(report.sourceId() + ": not modified (" + next + ")");
            case UPDATED -> {
                out.println(report.sourceId() + ": " + report.entries().size() + " entries: "
                        + report.count(EntryResult.Outcome.ADDED) + " new, "
                        + report.count(EntryResult.Outcome.JOINED_STORY) + " joined a story, "
                        + report.count(EntryResult.Outcome.DUPLICATE) + " duplicates, "
                        + report.count(EntryResult.Outcome.FAILED) + " failed"
                        + (report.count(EntryResult.Outcome.DEFERRED) > 0
                        ? ", " + report.count(EntryResult.Outcome.DEFERRED) + " deferred to the next poll" : ""));
                for (EntryResult entry : report.entries()) {
                    if (entry.outcome() == EntryResult.Outcome.FAILED) {
                        out.println("  failed: " + entry.link() + ": " + entry.detail());
                    } else if (entry.usedFeedText()) {
                        out.println("  feed text: " + entry.link() + ": " + entry.detail());
                    }
                }
                report.problems().forEach(problem -> out.println("  skipped " + problem));
            }
        }
    }
}
