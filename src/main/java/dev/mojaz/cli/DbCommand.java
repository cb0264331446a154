package dev.mojaz.cli;

import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Storage;
import dev.mojaz.store.Migrations;
import dev.mojaz.store.SqlStorage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code db}: looks after the database outside the bot (it also migrates and prunes by itself while running). */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Create or migrate the database, or prune old articles.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Prune.class})
public final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code db migrate}: creates the database when missing and brings its schema to the latest version. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the database (store.path) when missing and migrate it to the latest schema.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        private final CliContext context;

        Migrate(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            MojazConfig loaded = config.load(context);
            Migrations.Result result = SqlStorage.migrate(loaded.store(), context.workingDirectory());
            context.out().println("database " + loaded.store().location() + " is at schema version " + result.toVersion()
                    + (result.applied() == 0 ? " (already up to date)"
                    : " (" + result.applied() + " migration" + (result.applied() == 1 ? "" : "s") + " applied)"));
            return ExitCode.OK;
        }
    }

    /** {@code db prune}: what the bot does every day, on demand. Safe beside the running bot. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete articles older than store.retention-days (with their deliveries) and finished "
                    + "outbox messages, in short transactions; safe while the bot runs.")
    static final class Prune implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        private final CliContext context;

        Prune(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            MojazConfig loaded = config.load(context);
            try (Storage store = SqlStorage.open(loaded.store(), context.workingDirectory(), context.clock())) {
                Storage.Pruned pruned = store.prune();
                context.out().println("pruned " + pruned.articles() + " articles, " + pruned.stories() + " stories, "
                        + pruned.deliveries() + " deliveries and " + pruned.messages() + " outbox messages in "
                        + pruned.batches() + " transactions (articles older than " + loaded.store().retentionDays()
                        + " days)");
            }
            return ExitCode.OK;
        }
    }
}
