package dev.mojaz.cli;

import dev.mojaz.app.BotApplication;
import dev.mojaz.app.Sources;
import dev.mojaz.app.TelegramBot;
import dev.mojaz.bot.send.Sleeper;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.store.Store;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run}: the bot. With {@code MOJAZ_TELEGRAM_TOKEN} set it connects to Telegram and runs until SIGTERM (or
 * Ctrl-C), then stops gracefully: no more updates, no more polls, the sends on the wire finish, the database closes.
 * Without a token it is the {@code console}, saying so.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot (needs MOJAZ_TELEGRAM_TOKEN; without it, the console).")
public final class RunCommand implements Callable<Integer> {
    /** The bot token, from @BotFather. */
    public static final String ENV_TOKEN = "MOJAZ_TELEGRAM_TOKEN";
    /** The webhook's secret token (webhook mode only). */
    public static final String ENV_WEBHOOK_SECRET = "MOJAZ_TELEGRAM_WEBHOOK_SECRET";

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
            context.err().println("run: " + ENV_TOKEN + " is not set, so this is the console (a chat in this terminal"
                    + " over sample articles); set the token to run the Telegram bot.");
            return ConsoleCommand.run(context, loaded, null, null);
        }
        Store store = Store.open(loaded.store(), context.workingDirectory(), context.clock());
        SourcePipeline pipeline = new SourcePipeline(loaded, store, context.clock());
        TelegramBot bot = new TelegramBot(loaded, store,
                new Sources(pipeline.scheduler(), pipeline.catalog(), pipeline.fetcher()), context.clock(),
                Sleeper.system(context.clock()), token.trim(), context.environment().get(ENV_WEBHOOK_SECRET));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean();
        Runnable stop = () -> {
            if (closing.compareAndSet(false, true)) {
                try {
                    bot.close();
                    pipeline.close();
                    store.close();
                } finally {
                    stopped.countDown();
                }
            }
        };
        Thread hook = new Thread(stop, "mojaz-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            bot.start(BotApplication.Schedule.standard(loaded));
        } catch (TelegramApiException | RuntimeException e) {
            stop.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw new IllegalStateException("cannot start the bot: " + describe(e), e);
        }
        context.err().println("run: the bot is running (" + loaded.telegram().mode() + "); stop it with SIGTERM or Ctrl-C");
        stopped.await();
        return ExitCode.OK;
    }

    private static String describe(Exception e) {
        if (e instanceof org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException request
                && request.getErrorCode() != null && request.getErrorCode() == 401) {
            return "Telegram refused the token (401 Unauthorized): check " + ENV_TOKEN;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return root == e || root.getMessage() == null ? message : message + " (" + root.getMessage() + ")";
    }
}
