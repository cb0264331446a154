package dev.mojaz.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.mojaz.config.ConfigException;
import dev.mojaz.store.StoreInUseException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code mojaz.jar}. Turns every outcome into the {@link ExitCode}s scripts rely on: 0 success, 2
 * usage or configuration error, 1 failure, with one line on stderr and a stack trace only with {@code --verbose}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command in-process; tests call this with their own context. */
    public static int run(CliContext context, String... args) {
        return run(context, List.of(), args);
    }

    /**
     * Runs one command of the product's commands plus {@code extra} top-level commands (the bench jar adds
     * {@code bench} and {@code eval}), each built like the others, with the context when it takes one.
     */
    public static int run(CliContext context, List<Class<?>> extra, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        setLogLevel(verbose ? Level.DEBUG : null);
        CommandLine commandLine = new CommandLine(new MojazCommand(), new ContextFactory(context));
        extra.forEach(commandLine::addSubcommand);
        commandLine.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            context.err().println(command + ": " + e.getMessage() + " (see --help)");
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            int code = e instanceof UsageException || e instanceof ConfigException || e instanceof StoreInUseException
                    ? ExitCode.USAGE : ExitCode.FAILURE;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            context.err().println(cmd.getCommandSpec().qualifiedName() + ": " + message.lines().findFirst().orElse(""));
            if (verbose) {
                e.printStackTrace(context.err());
            }
            return code;
        });
        return commandLine.execute(args);
    }

    /** Quiet on the command line (warnings only) unless asked; {@code level == null} keeps logback.xml's level. */
    static void setLogLevel(Level level) {
        if (level != null && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }

    /**
     * For {@code run}: Mojaz's own INFO lines (connected as @bot, polling, health report, retries, chats gone
     * inactive) are what an operator reads in {@code docker logs}; the other commands stay at warnings. A finer level
     * already set ({@code --verbose}, a test's configuration) is kept.
     */
    static void showOwnInfoLines() {
        if (LoggerFactory.getLogger("dev.mojaz") instanceof Logger own && !own.isInfoEnabled()) {
            own.setLevel(Level.INFO);
        }
    }

    /** Builds commands, giving the {@link CliContext} to those whose constructor takes one. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
