package dev.mojaz.bench;

import dev.mojaz.bench.cli.BenchCommand;
import dev.mojaz.bench.cli.EvalCommand;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.Main;
import java.util.List;

/**
 * Entry point of {@code mojaz-bench.jar}: every command of the product plus {@code bench} (speed and memory against
 * a baseline in the same run) and {@code eval} (quality against an evaluation dataset), with the same exit codes.
 */
public final class BenchMain {
    /** The lab's top-level commands, added to the product's. */
    public static final List<Class<?>> COMMANDS = List.of(EvalCommand.class, BenchCommand.class);

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command in-process; tests call this with their own context. */
    public static int run(CliContext context, String... args) {
        return Main.run(context, COMMANDS, args);
    }
}
