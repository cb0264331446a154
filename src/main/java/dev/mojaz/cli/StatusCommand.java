package dev.mojaz.cli;

import dev.mojaz.app.HealthReport;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Storage;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.store.SqlStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: how the bot is doing, read from its database (so it works beside a running {@code run}, and as
 * Docker's HEALTHCHECK). Exit 0 when healthy, 1 when not ({@link HealthReport} says when).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Last poll per source, last message sent, the outbox, recent errors; exit 1 when unhealthy.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the report as JSON (what /healthz serves).")
    boolean json;

    private final CliContext context;

    public StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MojazConfig loaded = config.load(context);
        Path file = context.workingDirectory().resolve(loaded.store().path());
        if (!loaded.store().usesPostgresql() && !Files.isRegularFile(file)) {
            context.out().println(json ? "{\"healthy\":false,\"problems\":[\"no database at " + file + "\"]}"
                    : "status: UNHEALTHY\n  problem: no database at " + file + " (has the bot run yet?)");
            return ExitCode.FAILURE;
        }
        try (Storage store = SqlStorage.open(loaded.store(), context.workingDirectory(), context.clock())) {
            HealthReport report = HealthReport.check(store, new SourceCatalog(loaded.sources(), store.sources()).all(),
                    loaded.health(), context.clock());
            context.out().print(json ? report.json() + "\n" : report.text());
            return report.healthy() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
