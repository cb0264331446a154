package dev.mojaz.cli;

import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.SourceConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config}: validates the configuration and says what it found, so a typo is caught before the bot runs. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check the configuration file and print a short account of it.")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    private final CliContext context;

    public ConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MojazConfig loaded = config.load(context);
        long enabled = loaded.sources().stream().filter(SourceConfig::enabled).count();
        context.out().println("configuration is valid: " + loaded.sources().size() + " sources (" + enabled
                + " enabled), database " + loaded.store().location() + ", Bot API " + loaded.telegram().apiUrl());
        return ExitCode.OK;
    }
}
