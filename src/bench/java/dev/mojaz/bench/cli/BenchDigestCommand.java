package dev.mojaz.bench.cli;

import dev.mojaz.bench.app.DigestBenchmark;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ConfigOption;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench digest}: a digest to many chats through the rate-limited sender to a local flood-limited Bot API. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Cut a digest for N chats and send it through the outbox, the rate limiter and the TelegramBots "
                + "client to a local stand-in for the Bot API that enforces the same limits (429 over them): the rate "
                + "as a ratio of the cap, the 429s, the heap."})
public final class BenchDigestCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Option(names = "--chats", paramLabel = "N", defaultValue = "10000",
            description = "Chats with a digest due (default: ${DEFAULT-VALUE}).")
    int chats;

    @Option(names = "--cap", paramLabel = "MSG_PER_S", defaultValue = "1000",
            description = "Messages a second overall, for the sender and the stand-in alike (default: ${DEFAULT-VALUE}; "
                    + "Telegram's is about 30).")
    int cap;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "32",
            description = "Sender threads (default: ${DEFAULT-VALUE}).")
    int threads;

    public BenchDigestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (chats < 1 || chats > 1_000_000 || cap < 1 || cap > 100_000 || threads < 1 || threads > 256) {
            throw new UsageException("--chats must be 1-1000000, --cap 1-100000 and --threads 1-256");
        }
        DigestBenchmark.Report report = DigestBenchmark.run(new DigestBenchmark.Options(chats, cap, threads),
                config.load(context), line -> context.err().println("bench digest: " + line + "…"));
        report.lines().forEach(context.out()::println);
        return ExitCode.OK;
    }
}
