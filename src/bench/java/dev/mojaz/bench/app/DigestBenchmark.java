package dev.mojaz.bench.app;

import dev.mojaz.app.SampleSite;
import dev.mojaz.bot.telegram.TelegramConnection;
import dev.mojaz.bot.telegram.TelegramGateway;
import dev.mojaz.common.DaemonThreads;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.DigestConfig;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.compose.NewsFormatter;
import dev.mojaz.delivery.dispatch.DigestScheduler;
import dev.mojaz.delivery.outbox.ChatLifecycle;
import dev.mojaz.delivery.outbox.OutboxSender;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.domain.Article;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.domain.Storage;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Texts;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionIndex;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.text.SimHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A digest to many chats at once, through everything {@code run} uses to send (the digest scheduler, the outbox in a
 * SQLite file, the sender with its rate limiter, the TelegramBots client over HTTP) to a {@link FloodLimitedBotApi}
 * whose limits are the ones the sender is configured with. Reports the rate achieved as a ratio of the cap (the
 * baseline is the cap itself), the 429s, the time to cut the digests, and the heap.
 */
public final class DigestBenchmark {
    private static final String QUERY = "سوريا";

    /**
     * @param chats   chats with a digest due
     * @param cap     {@code telegram.limits.messages-per-second}, for the sender and the stand-in alike
     * @param threads {@code telegram.sender-threads}
     */
    public record Options(int chats, int cap, int threads) {
    }

    /** What one run measured. */
    public record Report(int chats, int messages, int cap, int threads, Duration cutTime, Duration sendTime,
                         double rate, int tooManyRequests, long dead, String lastFailure, long heapBeforeMb, long heapAfterMb,
                         long peakHeapMb, long maxHeapMb) {
        public List<String> lines() {
            return List.of(
                    String.format(Locale.ROOT, "digest to %,d chats: %,d messages, cap %,d msg/s, 1 msg/s per chat, "
                            + "%d sender threads", chats, messages, cap, threads),
                    String.format(Locale.ROOT, "cutting the digests: %.2f s (%,.0f chats/s)", seconds(cutTime),
                            chats / seconds(cutTime)),
                    String.format(Locale.ROOT, "sending: %.2f s, %.1f msg/s = %.3f of the cap", seconds(sendTime), rate,
                            rate / cap),
                    String.format(Locale.ROOT, "429 answers: %d; messages given up: %d%s", tooManyRequests, dead,
                            lastFailure == null ? "" : " (last failure: " + lastFailure + ")"),
                    String.format(Locale.ROOT, "heap after GC: %d MB before sending, %d MB after; highest seen "
                            + "while sending: %d MB (max heap %d MB)", heapBeforeMb, heapAfterMb, peakHeapMb, maxHeapMb));
        }

        private static double seconds(Duration d) {
            return d.toNanos() / 1e9;
        }
    }

    private DigestBenchmark() {
    }

    public static Report run(Options options, MojazConfig base, Consumer<String> progress) throws Exception {
        Path dir = Files.createTempDirectory("mojaz-bench-digest");
        // The JDK server answers in two writes; without TCP_NODELAY each answer waits for a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (FloodLimitedBotApi api = new FloodLimitedBotApi(options.cap(), Duration.ofSeconds(1).toNanos())) {
            MojazConfig config = configure(base, options, api.baseUri(), dir.resolve("bench.db"));
            progress.accept("storing " + options.chats() + " chats and the sample articles");
            Instant now = Instant.now();
            setUp(config, dir, options.chats(), now);
            return send(config, dir, options, api, progress);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static MojazConfig configure(MojazConfig base, Options options, URI api, Path db) {
        TelegramConfig t = base.telegram();
        TelegramConfig.Limits limits = new TelegramConfig.Limits(options.cap(), Duration.ofSeconds(1),
                t.limits().groupMessagesPerMinute(), t.limits().globalPauseAfter(), t.limits().summariesPerPerson(),
                t.limits().summaryWindow());
        TelegramConfig telegram = new TelegramConfig(api, t.admins(), Duration.ofSeconds(10), t.pollTimeout(),
                t.linkPreviews(), t.defaultLanguage(), limits, t.retry(), TelegramConfig.LONG_POLLING, t.webhook(),
                options.threads(), t.updateWorkers(), t.summaryWorkers());
        DigestConfig d = base.digest();
        DigestConfig digest = new DigestConfig(false, d.maxItems(), d.lookback(), d.maxArticlesScanned(),
                d.alertMaxAge(), d.interval());
        return base.withSources(List.of()).withStore(new StoreConfig(db.toString(), 30)).withTelegram(telegram)
                .withDigest(digest);
    }

    /**
     * Chats created two hours ago with a digest at the current UTC hour and one subscription; the sample articles
     * fetched ten minutes ago. Every chat's digest is then due.
     */
    private static void setUp(MojazConfig config, Path dir, int chats, Instant now) {
        Clock past = Clock.fixed(now.minus(Duration.ofHours(2)), ZoneOffset.UTC);
        int hour = now.atZone(ZoneOffset.UTC).getHour();
        ChatSettings settings = ChatSettings.defaults("ar", ZoneOffset.UTC).withDigestHours(List.of(hour))
                .withSummarySentences(2);
        Summarizer summarizer = new Summarizer(config.summary());
        try (Storage store = SqlStorage.open(config.store(), dir, past)) {
            store.transaction(() -> {
                for (long id = 1; id <= chats; id++) {
                    store.chats().register(id, ChatKind.PRIVATE, "chat " + id, settings);
                    store.subscriptions().add(id, QUERY, null, 50);
                }
            });
            Instant fetched = now.minus(Duration.ofMinutes(10));
            for (SampleSite.Sample sample : SampleSite.load()) {
                String text = String.join("\n\n", sample.paragraphs());
                URI url = URI.create("https://example.org/samples/" + sample.slug());
                store.articles().add(new Article("samples", url, url, sample.slug(), sample.title(), text, null,
                        fetched, fetched, "ar", summarizer.summarize(sample.title(), text).sentences(),
                        SimHash.signature(text)));
            }
        }
    }

    private static Report send(MojazConfig config, Path dir, Options options, FloodLimitedBotApi api,
                               Consumer<String> progress) throws Exception {
        Clock clock = Clock.systemUTC();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        TelegramConfig telegram = config.telegram();
        try (Storage store = SqlStorage.open(config.store(), dir, clock);
             TelegramConnection connection = new TelegramConnection(telegram.apiUrl(), "123456:BENCH-token",
                     telegram.requestTimeout(), telegram.pollTimeout())) {
            QueryParser parser = new QueryParser(config.match(), List.of());
            SubscriptionIndex live = new SubscriptionIndex(new MatchEngine(), parser, store.chats(),
                    store.subscriptions());
            live.loadAll();
            NewsFormatter formatter = new NewsFormatter(Texts.load(), Language.AR, id -> SampleSite.SOURCE_NAME);
            DigestScheduler digests = new DigestScheduler(store, live, () -> parser, formatter, config.digest(),
                    id -> SampleSite.SOURCE_NAME, clock);
            TelegramGateway gateway = new TelegramGateway(connection.client());
            gateway.whoAmI();

            progress.accept("cutting " + options.chats() + " digests");
            long cutStart = System.nanoTime();
            int cut = digests.sendDue();
            Duration cutTime = Duration.ofNanos(System.nanoTime() - cutStart);
            if (cut != options.chats()) {
                throw new IllegalStateException("expected " + options.chats() + " digests due, cut " + cut);
            }
            int messages = store.deliveries().counts().get(OutboxMessage.State.PENDING).intValue();
            long heapBefore = heapAfterGc(memory);

            AtomicLong peak = new AtomicLong();
            Thread sampler = DaemonThreads.thread("bench-heap-sampler", () -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            progress.accept("sending " + messages + " messages at up to " + options.cap() + " a second");
            OutboxSender sender = new OutboxSender(store.deliveries(), ChatLifecycle.of(store.chats()), gateway,
                    new RateLimiter(telegram.limits(), clock), Sleeper.system(clock), clock,
                    new OutboxSender.Settings(telegram.senderThreads(), telegram.limits().messagesPerSecond(),
                            telegram.retry().backoff(),
                            Duration.ofMinutes(1), Duration.ofSeconds(15)));
            sampler.start();
            long sendStart = System.nanoTime();
            sender.start();
            boolean done = sender.awaitCounts(c -> c.sent() + c.dead() >= messages,
                    Duration.ofSeconds(60 + 3L * messages / options.cap()));
            Duration sendTime = Duration.ofNanos(System.nanoTime() - sendStart);
            sender.close();
            sampler.interrupt();
            var failures = store.deliveries().recentFailures(1);
            String lastFailure = failures.isEmpty() ? null : failures.get(0).error();
            if (!done) {
                throw new IllegalStateException("sending did not finish: " + sender.counts() + ", last failure: "
                        + lastFailure);
            }
            List<Long> accepted = new ArrayList<>(api.accepted());
            double rate = accepted.size() < 2 ? 0
                    : (accepted.size() - 1) / ((accepted.get(accepted.size() - 1) - accepted.get(0)) / 1e9);
            long heapAfter = heapAfterGc(memory);
            return new Report(options.chats(), messages, options.cap(), options.threads(), cutTime, sendTime, rate,
                    api.tooManyRequests(), sender.counts().dead(), lastFailure, heapBefore, heapAfter, peak.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() >> 20;
    }
}
