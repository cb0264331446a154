package dev.mojaz.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the command line in-process and captures what it printed, for tests. */
public final class CliRunner {
    /** What one run produced. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Clock clock;

    public CliRunner(Path workingDirectory) {
        this(workingDirectory, Map.of(), Clock.systemUTC());
    }

    public CliRunner(Path workingDirectory, Map<String, String> environment, Clock clock) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.clock = clock;
    }

    public Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    public Result runWithInput(String stdin, String... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    public Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment, workingDirectory, clock);
        int code = Main.run(context, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
