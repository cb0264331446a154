package dev.mojaz.bench.cli;

import dev.mojaz.app.Sources;
import dev.mojaz.bench.app.ReplyLatencyBenchmark;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.SourcePipeline;
import dev.mojaz.cli.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench replies}: how long other chats wait for an answer while people send links to pages that never come. */
@Command(name = "replies", mixinStandardHelpOptions = true,
        description = {"Run the bot against a local stand-in for the Bot API while N people send links to pages that "
                + "hang, trickle or answer 503 with Retry-After, and others send /help once a second: the others' reply "
                + "latency, first one update at a time with summaries fetched inline (as before), then with the "
                + "configured workers. Built-in defaults otherwise."})
public final class BenchRepliesCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--people", paramLabel = "N", defaultValue = "20",
            description = "People sending a slow link (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--bystanders", paramLabel = "N", defaultValue = "5",
            description = "Other people sending /help once a second (default: ${DEFAULT-VALUE}).")
    int bystanders;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "How long the others keep writing (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--total-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "fetch.total-timeout for both runs (default: ${DEFAULT-VALUE}; the product's is 30).")
    int totalTimeout;

    @Option(names = "--update-workers", paramLabel = "N", defaultValue = "4",
            description = "telegram.update-workers of the second run (default: ${DEFAULT-VALUE}).")
    int updateWorkers;

    @Option(names = "--summary-workers", paramLabel = "N", defaultValue = "8",
            description = "telegram.summary-workers of the second run (default: ${DEFAULT-VALUE}).")
    int summaryWorkers;

    public BenchRepliesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (people < 0 || people > 1000 || bystanders < 1 || bystanders > 100 || seconds < 1 || seconds > 600
                || totalTimeout < 1 || totalTimeout > 300 || updateWorkers < 1 || updateWorkers > 64
                || summaryWorkers < 1 || summaryWorkers > 64) {
            throw new UsageException("--people must be 0-1000, --bystanders 1-100, --seconds 1-600, --total-timeout "
                    + "1-300, --update-workers and --summary-workers 1-64");
        }
        List<AutoCloseable> toClose = new ArrayList<>();
        ReplyLatencyBenchmark.Report report = ReplyLatencyBenchmark.run(
                new ReplyLatencyBenchmark.Options(people, bystanders, seconds, Duration.ofSeconds(totalTimeout),
                        updateWorkers, summaryWorkers),
                (config, store) -> {
                    SourcePipeline pipeline = new SourcePipeline(config, store, context.clock());
                    toClose.add(pipeline);
                    return new Sources(pipeline.scheduler(), pipeline.catalog(), pipeline.fetcher());
                },
                toClose, line -> context.err().println("bench replies: " + line + "…"));
        report.lines().forEach(context.out()::println);
        return ExitCode.OK;
    }
}
