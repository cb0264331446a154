package dev.mojaz.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch of the outside world, passed in so that tests run commands in-process with their own
 * streams, environment, working directory and clock.
 *
 * @param atTerminal whether a person is at a terminal (standard input and output are one), as opposed to a service
 *                   manager, a container or a pipe; {@code run} without a token falls back to the console only then
 */
public record CliContext(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> environment,
        Path workingDirectory,
        Clock clock,
        boolean atTerminal) {

    public CliContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(clock, "clock");
    }

    /** Not at a terminal: how tests run commands. */
    public CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment,
                      Path workingDirectory, Clock clock) {
        this(in, out, err, environment, workingDirectory, clock, false);
    }

    /** The real process: standard streams, real environment, current directory, system clock. */
    public static CliContext system() {
        return new CliContext(System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemUTC(), isTerminal(System.console()));
    }

    /**
     * Up to Java 21 there is a console only when standard input and output are both a terminal; from Java 22 there
     * is always one, and {@code Console.isTerminal()} (absent before, so looked up by name) tells.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Resolves a path a person typed against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
