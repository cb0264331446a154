package dev.mojaz.cli;

import dev.mojaz.app.BotApplication;
import dev.mojaz.app.ConsoleButtons;
import dev.mojaz.app.ConsoleGateway;
import dev.mojaz.app.ConsoleSession;
import dev.mojaz.app.SampleSite;
import dev.mojaz.app.Sources;
import dev.mojaz.bot.chat.ChatAdmins;
import dev.mojaz.bot.chat.FileDownloads;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.domain.Storage;
import dev.mojaz.ingest.http.AddressGuard;
import dev.mojaz.store.SqlStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console}: a chat with the bot in the terminal, offline. Sample articles are served on 127.0.0.1 and
 * published one per message typed; the real router, outbox and sender answer, and a printer stands in for Telegram.
 * Reads standard input until it ends, so it can be scripted.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Chat with the bot in this terminal, over bundled sample articles (no Telegram token needed).")
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--store", paramLabel = "PATH",
            description = "Keep the session in this SQLite file (default: a temporary one, deleted at the end).")
    Path store;

    @Option(names = "--lang", paramLabel = "ar|en",
            description = "The Telegram language you chat in (default: telegram.default-language).")
    String language;

    private final CliContext context;

    public ConsoleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return run(context, config.load(context), store, language);
    }

    /** The console over {@code loaded} (also what {@code run} does without a token). */
    static int run(CliContext context, MojazConfig loaded, Path storeFile, String language)
            throws IOException, InterruptedException {
        Path temporary = storeFile == null ? Files.createTempDirectory("mojaz-console") : null;
        Path file = storeFile != null ? context.resolve(storeFile.toString()) : temporary.resolve("console.db");
        try (Console console = Console.open(context, loaded, file, language)) {
            context.err().println(banner(console.site()));
            console.session().run(new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)),
                    System.console() == null || context.in() != System.in);
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
        return ExitCode.OK;
    }

    /**
     * The running parts of one console session, closed in reverse order of opening: the sample site, the store, the
     * source pipeline, the bot, and the session a person types into. (Tests open one to type line by line.)
     */
    record Console(SampleSite site, Storage store, SourcePipeline pipeline, BotApplication application,
                   ConsoleSession session) implements AutoCloseable {
        static Console open(CliContext context, MojazConfig loaded, Path storeFile, String language) {
            String lang = language == null ? loaded.telegram().defaultLanguage() : language;
            if (!lang.equals("ar") && !lang.equals("en")) {
                throw new UsageException("--lang must be ar or en (was '" + lang + "')");
            }
            SampleSite site = SampleSite.start(context.clock());
            Storage store = null;
            SourcePipeline pipeline = null;
            try {
                // The sample site is on the loopback address; it, and only it, is let through (also for /summary of
                // the links the alerts show, and for feeds people /add from it).
                AddressGuard sampleSiteOnly = AddressGuard.publicOnly().except(site.address());
                MojazConfig console = forConsole(loaded, site, storeFile);
                store = SqlStorage.openForBot(console.store(), context.workingDirectory(), context.clock());
                pipeline = new SourcePipeline(console, store, context.clock(), sampleSiteOnly);
                ConsoleButtons buttons = new ConsoleButtons();
                BotApplication application = new BotApplication(console, store,
                        new Sources(pipeline.scheduler(), pipeline.catalog(), pipeline.fetcher()),
                        new ConsoleGateway(context.out(), buttons),
                        new RateLimiter(console.telegram().limits(), context.clock()),
                        Sleeper.system(context.clock()), context.clock(), "", ChatAdmins.anyone(),
                        FileDownloads.none());
                ConsoleSession session = new ConsoleSession(application, site, context.out(), context.err(),
                        new Person(ConsoleSession.PERSON_ID, lang.equals("ar") ? "ضيف" : "Guest", "", lang), buttons);
                return new Console(site, store, pipeline, application, session);
            } catch (RuntimeException | Error e) {
                if (pipeline != null) {
                    pipeline.close();
                }
                if (store != null) {
                    store.close();
                }
                site.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                application.close();
            } finally {
                try {
                    pipeline.close();
                } finally {
                    try {
                        store.close();
                    } finally {
                        site.close();
                    }
                }
            }
        }
    }

    /** What the console says about itself first: what it serves, how news arrives, how buttons are pressed. */
    static String banner(SampleSite site) {
        return "Mojaz console: you are chatting with the bot as a Telegram user would, with you as its admin.\n"
                + "News: a local site (" + site.feedUrl() + ") publishes its " + site.total() + " sample articles"
                + " one at a time, one after each line you send; after the last one, no more arrive.\n"
                + "Buttons are numbered: type a button's number (or its exact label) to press it.\n"
                + "Try /start and /help; end with Ctrl-D.";
    }

    /**
     * The configuration for the console: the sample site as the only source, the given store, the person an admin,
     * and flood limits that do not make a terminal wait a second between two replies.
     */
    static MojazConfig forConsole(MojazConfig loaded, SampleSite site, Path storeFile) {
        TelegramConfig t = loaded.telegram();
        List<Long> admins = new ArrayList<>(t.admins());
        admins.add(ConsoleSession.PERSON_ID);
        TelegramConfig.Limits limits = new TelegramConfig.Limits(Math.max(1000, t.limits().messagesPerSecond()),
                Duration.ofMillis(1), 10_000, t.limits().globalPauseAfter(), t.limits().summariesPerPerson(),
                t.limits().summaryWindow());
        TelegramConfig telegram = new TelegramConfig(t.apiUrl(), admins, t.requestTimeout(), t.pollTimeout(),
                t.linkPreviews(), t.defaultLanguage(), limits, t.retry(), TelegramConfig.LONG_POLLING, t.webhook(), 1, 1,
                0); // one person at a keyboard: each line's answers, summaries included, before the next line
        return loaded.withSources(List.of(site.source()))
                .withStore(new StoreConfig(storeFile.toAbsolutePath().toString(), loaded.store().retentionDays()))
                .withTelegram(telegram);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing the session for
        }
    }
}
