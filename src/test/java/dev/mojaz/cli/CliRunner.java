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
    private final boolean atTerminal;

    public CliRunner(Path workingDirectory) {
        this(workingDirectory, Map.of(), Clock.systemUTC());
    }

    public CliRunner(Path workingDirectory, Map<String, String> environment, Clock clock) {
        this(workingDirectory, environment, clock, false);
    }

    private CliRunner(Path workingDirectory, Map<String, String> environment, Clock clock, boolean atTerminal) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.clock = clock;
        this.atTerminal = atTerminal;
    }

    /** The same runner, as if a person were at a terminal (standard input and output are one). */
    public CliRunner atATerminal() {
        return new CliRunner(workingDirectory, environment, clock, true);
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
                environment, workingDirectory, clock, atTerminal);
        int code = Main.run(context, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
