package dev.mojaz.bench.app;

import dev.mojaz.app.BotApplication;
import dev.mojaz.app.Sources;
import dev.mojaz.app.TelegramBot;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Storage;
import dev.mojaz.store.SqlStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How long everyone else waits for an answer while {@code people} people each send a link to a page that never comes
 * ({@link SlowSite}: hanging, trickling, 503 with Retry-After), through everything {@code run} uses (the
 * TelegramBots long polling against {@link UpdatesBotApi}, the conversation, the outbox in a SQLite file, the
 * sender). Meanwhile {@code bystanders} other people each send /help once a second for {@code seconds} seconds;
 * each one's latency is the time from the update being available to its answer reaching the Bot API.
 *
 * <p>Two runs in the same process, the same script and the same {@code fetch.total-timeout}: the baseline as the
 * bot worked before (one update at a time, a link's page fetched while handling its message:
 * {@code update-workers: 1}, {@code summary-workers: 0}), then as configured now.
 */
public final class ReplyLatencyBenchmark {
    private static final long FIRST_PERSON = 10_000;
    private static final long FIRST_BYSTANDER = 20_000;

    /**
     * @param people         people sending a slow link, all at the start
     * @param bystanders     other people, each sending /help once a second
     * @param seconds        how long the bystanders keep writing
     * @param totalTimeout   {@code fetch.total-timeout}
     * @param updateWorkers  {@code telegram.update-workers} of the run after
     * @param summaryWorkers {@code telegram.summary-workers} of the run after
     */
    public record Options(int people, int bystanders, int seconds, Duration totalTimeout, int updateWorkers,
                          int summaryWorkers) {
    }

    /** One run: the bystanders' latencies (sorted, ms), and when the last slow-link person had their answer. */
    public record Run(String name, List<Double> latenciesMs, int unanswered, double lastPersonAnsweredS) {
        double percentile(double p) {
            if (latenciesMs.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * latenciesMs.size()) - 1;
            return latenciesMs.get(Math.max(0, Math.min(index, latenciesMs.size() - 1)));
        }

        String line() {
            return String.format(Locale.ROOT, "%-46s bystander replies: p50 %8.0f ms  p95 %8.0f ms  max %8.0f ms"
                            + "%s; last slow-link person answered after %.1f s", name, percentile(50), percentile(95),
                    percentile(100), unanswered == 0 ? "" : " (" + unanswered + " never answered)",
                    lastPersonAnsweredS);
        }
    }

    /** Both runs. */
    public record Report(Options options, Run before, Run after) {
        public List<String> lines() {
            return List.of(
                    String.format(Locale.ROOT, "%d people send slow links (hanging, trickling, 503 + Retry-After) "
                                    + "while %d others send /help once a second for %d s; fetch.total-timeout %.1f s",
                            options.people(), options.bystanders(), options.seconds(),
                            options.totalTimeout().toMillis() / 1000.0),
                    before.line(),
                    after.line(),
                    String.format(Locale.ROOT, "bystander p95 before / after: %.0fx; p50: %.0fx",
                            before.percentile(95) / after.percentile(95), before.percentile(50) / after.percentile(50)));
        }
    }

    private ReplyLatencyBenchmark() {
    }

    /**
     * @param sources builds the sources side for a configuration and a store (the {@code run} command's pipeline);
     *                whatever it opens it registers in the list given, to be closed after the run
     */
    public static Report run(Options options, BiFunction<MojazConfig, Storage, Sources> sources,
                             List<AutoCloseable> toClose, Consumer<String> progress) throws Exception {
        // The JDK server answers in two writes; without TCP_NODELAY each answer waits for a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        progress.accept("before: one update at a time, summaries fetched while handling the message");
        Run before = once("before (1 update worker, summaries inline)", options, 1, 0, sources, toClose);
        progress.accept("after: " + options.updateWorkers() + " update workers, " + options.summaryWorkers()
                + " summary workers");
        Run after = once("after (" + options.updateWorkers() + " update workers, " + options.summaryWorkers()
                + " summary workers)", options, options.updateWorkers(), options.summaryWorkers(), sources, toClose);
        return new Report(options, before, after);
    }

    private static Run once(String name, Options options, int updateWorkers, int summaryWorkers,
                            BiFunction<MojazConfig, Storage, Sources> sources, List<AutoCloseable> toClose)
            throws Exception {
        Path dir = Files.createTempDirectory("mojaz-bench-replies");
        Clock clock = Clock.systemUTC();
        try (UpdatesBotApi api = new UpdatesBotApi()) {
            MojazConfig config = configure(dir, api, options, updateWorkers, summaryWorkers);
            try (Storage store = SqlStorage.open(config.store(), dir, clock)) {
                TelegramBot bot = new TelegramBot(config, store, sources.apply(config, store), clock,
                        Sleeper.system(clock), "123456:BENCH-token", null);
                try {
                    bot.start(new BotApplication.Schedule(null, Duration.ofHours(1), null));
                    // The site is closed before the bot: that lets what still waits on a page go, so stopping is quick.
                    try (SlowSite site = new SlowSite()) {
                        return script(name, options, api, site, summaryWorkers == 0 ? 1 : 2);
                    }
                } finally {
                    bot.close();
                    closeAll(toClose);
                }
            }
        } finally {
            delete(dir);
        }
    }

    private static Run script(String name, Options options, UpdatesBotApi api, SlowSite site, int answersPerLink)
            throws InterruptedException {
        SlowSite.Kind[] kinds = SlowSite.Kind.values();
        long start = System.nanoTime();
        for (int i = 0; i < options.people(); i++) {
            api.send(FIRST_PERSON + i, "/summary " + site.url(kinds[i % kinds.length], i));
        }
        List<List<Long>> asked = new ArrayList<>();
        for (int b = 0; b < options.bystanders(); b++) {
            asked.add(new ArrayList<>());
        }
        for (int second = 0; second < options.seconds(); second++) {
            for (int b = 0; b < options.bystanders(); b++) {
                asked.get(b).add(api.send(FIRST_BYSTANDER + b, "/help"));
            }
            Thread.sleep(1000); // the script's pace: people write once a second, whatever the bot does
        }
        // Everyone is answered within one fetch.total-timeout per slow link, even one after another.
        Duration patience = options.totalTimeout().multipliedBy(options.people() + 2).plusSeconds(30);
        List<Double> latencies = new ArrayList<>();
        int unanswered = 0;
        for (int b = 0; b < options.bystanders(); b++) {
            long chat = FIRST_BYSTANDER + b;
            List<Long> sent = asked.get(b);
            api.awaitMessages(chat, sent.size(), patience);
            List<Long> answered = api.arrivals(chat);
            for (int k = 0; k < sent.size(); k++) {
                if (k < answered.size()) {
                    latencies.add((answered.get(k) - sent.get(k)) / 1e6);
                } else {
                    unanswered++;
                }
            }
        }
        double lastPerson = 0;
        for (int i = 0; i < options.people(); i++) {
            long chat = FIRST_PERSON + i;
            if (api.awaitMessages(chat, answersPerLink, patience)) {
                lastPerson = Math.max(lastPerson, (api.arrivals(chat).get(answersPerLink - 1) - start) / 1e9);
            }
        }
        latencies.sort(Comparator.naturalOrder());
        return new Run(name, List.copyOf(latencies), unanswered, lastPerson);
    }

    /**
     * The built-in defaults with what the benchmark needs: the stand-in Bot API, no sources, loopback pages allowed
     * (the slow site is local), no flood limits in the way, and the workers of this run.
     */
    private static MojazConfig configure(Path dir, UpdatesBotApi api, Options options, int updateWorkers,
                                         int summaryWorkers) throws IOException {
        String yaml = String.join("\n",
                "sources: []",
                "store:",
                "  path: " + dir.resolve("bench.db"),
                "fetch:",
                "  allow-private-addresses: true",
                "  total-timeout: " + options.totalTimeout().toMillis() + "ms",
                "telegram:",
                "  api-url: " + api.baseUri(),
                "  poll-timeout: 10s",
                "  update-workers: " + updateWorkers,
                "  summary-workers: " + summaryWorkers,
                "  limits:",
                "    messages-per-second: 1000",
                "    chat-interval: 1ms",
                "    summaries-per-person: 100",
                "");
        Path file = dir.resolve("bench.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(file);
    }

    private static void closeAll(List<AutoCloseable> toClose) throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        toClose.clear();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
