package dev.mojaz.cli;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Runs the command line in-process and captures what it printed, for tests. */
public final class CliRunner {
    /** What one run produced. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Clock clock;
    private final boolean atTerminal;
    private final List<Class<?>> extraCommands;

    public CliRunner(Path workingDirectory) {
        this(workingDirectory, Map.of(), Clock.systemUTC());
    }

    public CliRunner(Path workingDirectory, Map<String, String> environment, Clock clock) {
        this(workingDirectory, environment, clock, false, List.of());
    }

    private CliRunner(Path workingDirectory, Map<String, String> environment, Clock clock, boolean atTerminal,
                      List<Class<?>> extraCommands) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.clock = clock;
        this.atTerminal = atTerminal;
        this.extraCommands = extraCommands;
    }

    /** The same runner, as if a person were at a terminal (standard input and output are one). */
    public CliRunner atATerminal() {
        return new CliRunner(workingDirectory, environment, clock, true, extraCommands);
    }

    /** The same runner with more top-level commands, as the bench jar adds {@code bench} and {@code eval}. */
    public CliRunner with(List<Class<?>> commands) {
        return new CliRunner(workingDirectory, environment, clock, atTerminal, List.copyOf(commands));
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
        int code = runKeepingTheLogLevel(context, extraCommands, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code --verbose} lowers the root log level for the whole JVM, as it should in a process of its own; in-process,
     * the level is put back so that the tests after it log as configured.
     */
    private static int runKeepingTheLogLevel(CliContext context, List<Class<?>> extraCommands, String... args) {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        try {
            return Main.run(context, extraCommands, args);
        } finally {
            root.setLevel(level);
        }
    }
}
