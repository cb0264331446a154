package dev.mojaz.cli;

import dev.mojaz.app.BotApplication;
import dev.mojaz.app.Sources;
import dev.mojaz.app.TelegramBot;
import dev.mojaz.bot.telegram.TelegramConnection;
import dev.mojaz.bot.telegram.TelegramException;
import dev.mojaz.bot.telegram.WebhookIntake;
import dev.mojaz.common.DaemonThreads;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Storage;
import dev.mojaz.store.SqlStorage;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run}: the bot. With {@code MOJAZ_TELEGRAM_TOKEN} set it connects to Telegram and runs until SIGTERM (or
 * Ctrl-C), then stops gracefully within {@link #STOP_BUDGET}: fetches in flight are cancelled, no more updates, no
 * more polls, the sends on the wire finish, the database closes, and the process exits 0 ("stopped cleanly"). A stop
 * that cannot finish in time (Telegram not answering a send) ends the process anyway with exit 1 and a line saying
 * what was still running; what it cut off is taken up again at the next start, as after a crash.
 *
 * <p>Without a token it is the {@code console}, saying so, but only for a person at a terminal: under a service
 * manager or in a container a missing token is a configuration error (exit 2), not a console reading an empty input
 * and exiting 0 in a restart loop.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot (needs MOJAZ_TELEGRAM_TOKEN; without it, at a terminal, the console).")
public final class RunCommand implements Callable<Integer> {
    /** The bot token, from @BotFather. */
    public static final String ENV_TOKEN = "MOJAZ_TELEGRAM_TOKEN";
    /** The webhook's secret token (webhook mode only). */
    public static final String ENV_WEBHOOK_SECRET = "MOJAZ_TELEGRAM_WEBHOOK_SECRET";
    /**
     * The longest a stop may take before the process ends anyway: well inside the 10 s a container manager gives
     * between SIGTERM and SIGKILL (Docker's default).
     */
    static final Duration STOP_BUDGET = Duration.ofSeconds(4);

    @Mixin
    ConfigOption config;

    private final CliContext context;

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        MojazConfig loaded = config.load(context);
        String token = context.environment().get(ENV_TOKEN);
        if (token == null || token.isBlank()) {
            if (!context.atTerminal()) {
                throw new UsageException(ENV_TOKEN + " is not set: set it to the token @BotFather gave the bot"
                        + " (the console this falls back to at a terminal needs a person typing)");
            }
            context.err().println("run: " + ENV_TOKEN + " is not set, so this is the console (a chat in this terminal"
                    + " over sample articles); set the token to run the Telegram bot.");
            return ConsoleCommand.run(context, loaded, null, null);
        }
        String checkedToken;
        try {
            checkedToken = TelegramConnection.checkToken(token);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String webhookSecret = context.environment().get(ENV_WEBHOOK_SECRET);
        if (loaded.telegram().usesWebhook() && !WebhookIntake.isValidSecret(webhookSecret)) {
            throw new UsageException("telegram.mode is webhook, so " + ENV_WEBHOOK_SECRET + " must be set: 1-256 of"
                    + " A-Z a-z 0-9 _ and - (Telegram sends it with every update, and posts without it are refused)");
        }
        Main.showOwnInfoLines();
        Storage store = SqlStorage.openForBot(loaded.store(), context.workingDirectory(), context.clock());
        SourcePipeline pipeline = new SourcePipeline(loaded, store, context.clock());
        TelegramBot bot = new TelegramBot(loaded, store,
                new Sources(pipeline.scheduler(), pipeline.catalog(), pipeline.fetcher()), context.clock(),
                Sleeper.system(context.clock()), checkedToken, webhookSecret);
        AtomicBoolean closing = new AtomicBoolean();
        Runnable stop = () -> {
            if (closing.compareAndSet(false, true)) {
                // The fetches first: a link someone sent, or a poll, waiting on a site that never answers would
                // otherwise hold the update handler, and so the whole stop, for as long as the site's timeouts.
                try {
                    pipeline.close();
                } finally {
                    try {
                        bot.close();
                    } finally {
                        store.close();
                    }
                }
            }
        };
        Thread hook = new Thread(() -> stopWithin(stop, STOP_BUDGET), "mojaz-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            bot.start(BotApplication.Schedule.standard(loaded));
        } catch (TelegramException | RuntimeException e) {
            stop.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw new IllegalStateException("cannot start the bot: " + describe(e), e);
        }
        context.err().println("run: the bot is running (" + loaded.telegram().mode() + "); stop it with SIGTERM or Ctrl-C");
        new CountDownLatch(1).await(); // until the shutdown hook ends the process
        return ExitCode.OK;
    }

    /**
     * Runs {@code stop} on its own thread and ends the process when it is done (exit 0) or when {@code budget} has
     * passed (exit 1, naming where it was stuck). Called from the shutdown hook, where {@code System.exit} would
     * wait for this very hook, so the end is {@code Runtime.halt}; without it a SIGTERM would always exit 143.
     */
    private void stopWithin(Runnable stop, Duration budget) {
        long started = System.nanoTime();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread stopping = DaemonThreads.thread("mojaz-stop", () -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        stopping.start();
        try {
            stopping.join(budget.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (stopping.isAlive()) {
            end(ExitCode.FAILURE, "run: the stop did not finish within " + budget.toSeconds() + " s (still in "
                    + stuckAt(stopping) + "); exiting anyway, what was cut off is taken up at the next start");
        } else if (failure.get() != null) {
            end(ExitCode.FAILURE, "run: the stop failed after " + millis + " ms: " + failure.get());
        } else {
            end(ExitCode.OK, "run: stopped cleanly in " + millis + " ms");
        }
    }

    private void end(int exitCode, String line) {
        context.err().println(line);
        context.err().flush();
        Runtime.getRuntime().halt(exitCode);
    }

    /** The innermost Mojaz frame of a thread, else its top frame. */
    private static String stuckAt(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("dev.mojaz.")) {
                return frame.getClassName() + "." + frame.getMethodName();
            }
        }
        return frames.length == 0 ? "nothing" : frames[0].toString();
    }

    private static String describe(Exception e) {
        if (e instanceof TelegramException telegram && telegram.unauthorized()) {
            return "Telegram refused the token (401 Unauthorized): check " + ENV_TOKEN;
        }
        // Our wrapper says nothing of its own: describe what Telegram's library threw.
        Throwable failure = e instanceof TelegramException && e.getCause() != null ? e.getCause() : e;
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return root == failure || root.getMessage() == null ? message : message + " (" + root.getMessage() + ")";
    }
}
