package dev.mojaz.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command. Each capability is one subcommand; see README.md for the reference. */
@Command(name = "mojaz", mixinStandardHelpOptions = true, version = "mojaz 0.1.0",
        description = "Mojaz (موجز): Arabic news extraction, extractive summaries, keyword alerts and digests.",
        subcommands = {
                ConfigCommand.class,
                DbCommand.class,
                FetchCommand.class,
                SourcesCommand.class,
                MatchCommand.class,
                ExtractCommand.class,
                SummarizeCommand.class,
                RunCommand.class,
                ConsoleCommand.class,
                StatusCommand.class,
        })
public final class MojazCommand implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log what happens and print stack traces of failures.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // "mojaz" alone: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
