package dev.mojaz.bench.cli;

import dev.mojaz.bench.match.MatchBenchmark;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ConfigOption;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.UsageException;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.SourceConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench match}: keyword matching speed against stored queries, and their memory. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match the seed articles against generated stored queries: median time per article for the "
                + "engine, the naive baseline (every query checked) and Lucene Monitor, and the heap the queries "
                + "take. Runs on one thread; for one core use: taskset -c 0 java -XX:ActiveProcessorCount=1 -jar "
                + "target/mojaz-bench.jar bench match"})
public final class BenchMatchCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "100000",
            description = "Stored queries to generate (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "200",
            description = "Times each article is matched by the engine (default: ${DEFAULT-VALUE}); the naive "
                    + "baseline and Monitor run a tenth of that.")
    int rounds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the query generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--monitor", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure Lucene Monitor (default: on; --no-monitor skips it).")
    boolean monitor;

    @Option(names = "--presearcher", paramLabel = "term|multipass", defaultValue = "term",
            description = "Lucene Monitor's presearcher (default: ${DEFAULT-VALUE}).")
    String presearcher;

    public BenchMatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (queries < 1 || queries > 10_000_000 || rounds < 1) {
            throw new UsageException("--queries must be between 1 and 10000000 and --rounds at least 1");
        }
        if (!presearcher.equals("term") && !presearcher.equals("multipass")) {
            throw new UsageException("--presearcher must be term or multipass (was '" + presearcher + "')");
        }
        MojazConfig configuration = config.load(context);
        List<String> sourceIds = configuration.sources().stream().map(SourceConfig::id).toList();
        MatchBenchmark.Report report = MatchBenchmark.run(
                new MatchBenchmark.Options(queries, rounds, seed, monitor, presearcher), sourceIds,
                configuration.match(), line -> context.err().println("bench match: " + line + "…"));
        report.lines().forEach(context.out()::println);
        return ExitCode.OK;
    }
}
