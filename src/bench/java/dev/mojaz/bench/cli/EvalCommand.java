package dev.mojaz.bench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eval}: quality figures against evaluation datasets (read at run time, never bundled). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure quality against an evaluation dataset.",
        subcommands = {
                EvalExtractionCommand.class,
                EvalRougeCommand.class,
                EvalStoriesCommand.class,
        })
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
