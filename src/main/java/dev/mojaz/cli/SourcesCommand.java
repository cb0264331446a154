package dev.mojaz.cli;

import dev.mojaz.common.Durations;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.Storage;
import dev.mojaz.ingest.catalog.Opml;
import dev.mojaz.ingest.catalog.OpmlException;
import dev.mojaz.ingest.catalog.SourceCatalog;
import dev.mojaz.store.SqlStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sources}: lists the effective sources with their health; {@code sources import FILE.opml} adds the feeds of
 * an OPML file; {@code sources export [FILE]} writes them all as OPML.
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List sources with their health; import or export them as OPML.",
        subcommands = {SourcesCommand.Import.class, SourcesCommand.Export.class})
public final class SourcesCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    private final CliContext context;

    public SourcesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        MojazConfig loaded = config.load(context);
        try (Storage stores = SqlStorage.open(loaded.store(), context.workingDirectory(), context.clock())) {
            SourceCatalog catalog = new SourceCatalog(loaded.sources(), stores.sources());
            List<SourceConfig> all = catalog.all();
            for (SourceConfig source : all) {
                SourceState state = stores.sourceStates().load(source.id());
                String origin = switch (catalog.origin(source.id())) {
                    case CONFIG -> "";
                    case STORED -> ", added at run time";
                    case STORED_OVER_CONFIG -> ", changed at run time";
                };
                context.out().println(source.id() + " [" + source.name() + "] " + (source.isFeed() ? "feed" : "listing page")
                        + ", every " + Durations.format(source.interval()) + ", "
                        + (source.enabled() ? "enabled" : "disabled") + origin);
                context.out().println("  " + source.url() + (source.isFeed() ? "" : "  links: " + source.linkSelector()));
                context.out().println("  health: " + health(state));
            }
            long enabled = all.stream().filter(SourceConfig::enabled).count();
            context.out().println(FetchCommand.plural(all.size(), "source") + ", " + enabled + " enabled");
            return ExitCode.OK;
        }
    }

    static String health(SourceState state) {
        if (state.lastAttempt() == null) {
            return "never polled";
        }
        String success = state.lastSuccess() == null ? "never succeeded" : "last success " + state.lastSuccess();
        if (state.consecutiveFailures() == 0) {
            return "ok, " + success + (state.nextPoll() == null ? "" : ", next poll " + state.nextPoll());
        }
        return "FAILING: " + state.consecutiveFailures() + " failure" + (state.consecutiveFailures() == 1 ? "" : "s")
                + " in a row, " + success + ", last error: " + state.lastError()
                + (state.nextPoll() == null ? "" : ", next poll " + state.nextPoll());
    }

    /** {@code sources import FILE.opml}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the feeds listed in an OPML file (feeds already present are skipped).")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "FILE", description = "The OPML file.")
        Path file;

        private final CliContext context;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            MojazConfig loaded = config.load(context);
            byte[] xml;
            Path path = context.resolve(file.toString());
            try {
                xml = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new UsageException(file + ": file not found");
            } catch (IOException e) {
                throw new UsageException(file + ": cannot read: " + e.getMessage());
            }
            try (Storage stores = SqlStorage.open(loaded.store(), context.workingDirectory(), context.clock())) {
                SourceCatalog catalog = new SourceCatalog(loaded.sources(), stores.sources());
                Opml.ImportResult result;
                try {
                    result = Opml.read(xml, catalog.all());
                } catch (OpmlException e) {
                    throw new UsageException(file + ": " + e.getMessage());
                }
                for (SourceConfig source : result.sources()) {
                    catalog.store(source);
                    context.out().println("imported " + source.id() + " [" + source.name() + "] " + source.url());
                }
                for (String skipped : result.skipped()) {
                    context.out().println("skipped " + skipped);
                }
                context.out().println(result.sources().size() + " imported, " + result.skipped().size() + " skipped");
                return ExitCode.OK;
            }
        }
    }

    /** {@code sources export [FILE]}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every source as OPML to FILE, or to standard output.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write (default: standard output).")
        String file;

        private final CliContext context;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            MojazConfig loaded = config.load(context);
            try (Storage stores = SqlStorage.open(loaded.store(), context.workingDirectory(), context.clock())) {
                List<SourceConfig> all = new SourceCatalog(loaded.sources(), stores.sources()).all();
                String opml = Opml.write(all, context.clock().instant());
                if (file == null || file.equals("-")) {
                    context.out().print(opml);
                    context.out().flush();
                } else {
                    Path path = context.resolve(file);
                    try {
                        Files.writeString(path, opml, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UsageException(file + ": cannot write: " + e.getMessage());
                    }
                    context.out().println("exported " + FetchCommand.plural(all.size(), "source") + " to " + file);
                }
                return ExitCode.OK;
            }
        }
    }
}
