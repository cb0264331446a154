package dev.mojaz.cli;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config PATH} option, shared by every command that reads the configuration. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "PATH",
            description = "Configuration file (default: config/mojaz.yaml when present, else built-in defaults).")
    Path path;

    /** Loads the configuration the person chose, or the default location. */
    public MojazConfig load(CliContext context) {
        ConfigLoader loader = new ConfigLoader(context.environment());
        return path == null
                ? loader.loadDefaultLocation(context.workingDirectory())
                : loader.load(context.workingDirectory().resolve(path));
    }
}
