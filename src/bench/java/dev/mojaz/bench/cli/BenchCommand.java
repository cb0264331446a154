package dev.mojaz.bench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench}: speed and memory figures, each as a ratio against a baseline run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed and memory against a baseline in the same run.",
        subcommands = {
                BenchMatchCommand.class,
                BenchExtractCommand.class,
                BenchSummarizeCommand.class,
                BenchDigestCommand.class,
                BenchRepliesCommand.class,
                BenchClaimCommand.class,
        })
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
