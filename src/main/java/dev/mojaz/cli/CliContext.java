package dev.mojaz.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch of the outside world, passed in so that tests run commands in-process with their own
 * streams, environment, working directory and clock.
 */
public record CliContext(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> environment,
        Path workingDirectory,
        Clock clock) {

    public CliContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(clock, "clock");
    }

    /** The real process: standard streams, real environment, current directory, system clock. */
    public static CliContext system() {
        return new CliContext(System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemUTC());
    }

    /** Resolves a path a person typed against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
