package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mojaz.bot.conversation.StoredUpdateOffsets;
import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.bot.fake.RateRules;
import dev.mojaz.cli.SourcePipeline;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Article;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.text.SimHash;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a separate process, stopped the two ways an operator (or the kernel) stops it: SIGTERM, which must
 * end the process promptly after a graceful stop, and SIGKILL in the middle of a digest, after which a restart
 * delivers the rest exactly once.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Tag("slow")
class RunProcessTest {
    private static final int CHATS = 40;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    private FakeTelegramServer telegram;
    private Process process;

    @BeforeEach
    void start() {
        // A cold JVM on a loaded 2-core machine took up to a minute to start and answer: wait for three.
        telegram = FakeTelegramServer.builder().rateRules(RateRules.telegram()).patience(PATIENCE).start();
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        telegram.close();
    }

    private Path config() throws Exception {
        return config("sources: []\n");
    }

    private Path config(String more) throws Exception {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, """
                store:
                  path: data/bot.db
                telegram:
                  request-timeout: 5s
                  poll-timeout: 1s
                  sender-threads: 1
                """ + more, StandardCharsets.UTF_8);
        return file;
    }

    private Process run(Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The test classpath holds logback-test.xml, which logs to a file; the process logs as in production
        // (logback.xml: warnings and errors on stderr), into run.log. The client compiler alone and the serial
        // collector: a short run with little work starts sooner that way on a busy machine.
        ProcessBuilder builder = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.mojaz.cli.Main", "run", "--config", config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().put("MOJAZ_TELEGRAM_TOKEN", FakeTelegramServer.TOKEN);
        builder.environment().put("MOJAZ_TELEGRAM_API_URL", telegram.baseUri().toString());
        return builder.start();
    }

    private String log() throws Exception {
        return Files.exists(dir.resolve("run.log")) ? Files.readString(dir.resolve("run.log")) : "";
    }

    /**
     * Waits for what the process should do (the fake server's awaits are generous: a JVM starting on a loaded machine
     * can take many seconds); if it does not, the failure says whether the process is still alive and shows its log.
     */
    private void awaitProcess(Runnable await) throws Exception {
        try {
            await.run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the process is " + (process.isAlive() ? "alive" : "gone (exit "
                    + process.exitValue() + ")") + "; its log:\n" + log(), e);
        }
    }

    @Test
    void sigtermStopsTheBotPromptlyAndLeavesNothingInTheAir() throws Exception {
        try (HangingSite site = new HangingSite()) {
            startPollingAHangingFeed(site);
            FakeUser huda = FakeUser.arabic(5001, "هدى");
            telegram.sendText(FakeChat.privateWith(huda), huda, "/start");
            assertThat(telegram.awaitSentTo(huda.id(), 1).get(0).visibleText()).startsWith("أهلاً هدى!");

            sigtermAndAwaitExit();
        }
        assertThat(process.exitValue()).as("log:\n%s", log()).isZero();
        assertThat(log()).contains("run: stopped cleanly");
        // run shows Mojaz's own INFO lines, which logback.xml alone (warnings only) would hide.
        assertThat(log()).contains("INFO").contains("connected to 127.0.0.1 as @");
        MojazConfig loaded = new ConfigLoader(Map.of()).load(dir.resolve("mojaz.yaml"));
        try (SqlStorage store = SqlStorage.open(loaded.store(), dir, Clock.systemUTC())) {
            assertThat(store.deliveries().counts().get(OutboxMessage.State.SENDING)).isZero();
            assertThat(store.deliveries().counts().get(OutboxMessage.State.SENT)).isEqualTo(1);
            assertThat(store.botState().getLong(StoredUpdateOffsets.KEY)).isPresent();
            assertThat(store.sourceStates().load("hanging").consecutiveFailures())
                    .as("the poll the stop cut off counts against no source").isZero();
        }
    }

    /**
     * A site that accepts every request and never answers (until closed): a source's feed and a link someone sends
     * both hang there. A request to its feed is also the sign that the process is up, worth waiting for generously
     * since a loaded machine may take many seconds to start a JVM.
     */
    private static final class HangingSite implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private final Map<String, CountDownLatch> asked = new java.util.concurrent.ConcurrentHashMap<>();
        private final CountDownLatch release = new CountDownLatch(1);

        HangingSite() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                latch(exchange.getRequestURI().getPath()).countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.start();
        }

        private CountDownLatch latch(String path) {
            return asked.computeIfAbsent(path, p -> new CountDownLatch(1));
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        boolean awaitAsked(String path) throws InterruptedException {
            return latch(path).await(60, TimeUnit.SECONDS);
        }

        /** Config lines: a source whose feed hangs, and the switch that lets links reach this local site. */
        String sourceConfig() {
            return """
                    fetch:
                      read-timeout: 5m
                      total-timeout: 10m
                      allow-private-addresses: true
                    sources:
                      - id: hanging
                        feed: %s
                    """.formatted(url("/feed.xml"));
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /**
     * Runs the bot with a source on {@code site} and waits until its feed is asked (generously: the sign the process
     * is up) and updates are polled.
     */
    private void startPollingAHangingFeed(HangingSite site) throws Exception {
        process = run(config(site.sourceConfig()));
        assertThat(site.awaitAsked("/feed.xml")).as("the feed is asked; log:\n%s", log()).isTrue();
        telegram.awaitWaitingPoll();
    }

    /** SIGTERM, then waits for the exit (a hang guard, not a timing assertion) and returns how long it took. */
    private long sigtermAndAwaitExit() throws Exception {
        long started = System.nanoTime();
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited; log:\n%s", log()).isTrue();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void sigtermWhileFetchesHangStopsAtOnceAndSaysTheStopWasClean() throws Exception {
        try (HangingSite site = new HangingSite()) {
            startPollingAHangingFeed(site);
            FakeUser huda = FakeUser.arabic(5001, "هدى");
            telegram.sendText(FakeChat.privateWith(huda), huda, site.url("/article"));
            assertThat(site.awaitAsked("/article")).as("the link is asked; log:\n%s", log()).isTrue();

            long millis = sigtermAndAwaitExit();

            System.out.println("SIGTERM to exit while a feed and a link hang: " + millis + " ms");
            assertThat(process.exitValue()).as("log:\n%s", log()).isZero();
            assertThat(log()).contains("run: stopped cleanly");
        }
    }

    @Test
    void aStopThatCannotFinishEndsTheProcessAnywayAndSaysWhere() throws Exception {
        try (HangingSite site = new HangingSite()) {
            startPollingAHangingFeed(site);
            // Telegram takes the reply and never answers: the sender waits for it longer than a stop may take.
            telegram.holdSendsAfter(0);
            FakeUser huda = FakeUser.arabic(5001, "هدى");
            telegram.sendText(FakeChat.privateWith(huda), huda, "/start");
            telegram.awaitHeldSends(1);

            long millis = sigtermAndAwaitExit();

            System.out.println("SIGTERM to exit while Telegram holds a send: " + millis + " ms");
            assertThat(process.exitValue()).as("log:\n%s", log()).isEqualTo(1);
            assertThat(log()).contains("run: the stop did not finish within 4 s (still in dev.mojaz.");
        } finally {
            telegram.dropHeldSends();
        }
    }

    @Test
    void aSecondRunOnTheSameSqliteFileIsRefusedWithExit2AndTheFirstGoesOn() throws Exception {
        Path config = config();
        process = run(config);
        awaitProcess(() -> telegram.awaitWaitingPoll());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.mojaz.cli.Main", "run", "--config", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile());
        builder.environment().put("MOJAZ_TELEGRAM_TOKEN", FakeTelegramServer.TOKEN);
        builder.environment().put("MOJAZ_TELEGRAM_API_URL", telegram.baseUri().toString());
        Process second = builder.start();
        assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String said = Files.readString(dir.resolve("second.log")).strip();
        assertThat(second.exitValue()).as(said).isEqualTo(2);
        assertThat(said).startsWith("mojaz run: " + dir.resolve("data/bot.db") + " is in use by another Mojaz process (pid "
                + process.pid() + " on ").doesNotContain("\n").doesNotContain("Exception");
        FakeUser huda = FakeUser.arabic(5001, "هدى");
        telegram.sendText(FakeChat.privateWith(huda), huda, "/start");
        awaitProcess(() -> assertThat(telegram.awaitSentTo(huda.id(), 1)).hasSize(1));
    }

    @Test
    void sigkillInTheMiddleOfADigestThenARestartDeliversEveryDigestOnce() throws Exception {
        Path config = config();
        MojazConfig loaded = new ConfigLoader(Map.of("MOJAZ_TELEGRAM_API_URL", telegram.baseUri().toString()))
                .load(config);
        Instant now = Instant.now();
        digestsDueNow(loaded, now);

        telegram.holdSendsAfter(15);
        process = run(config);
        // One sender thread: the 16th request leaves only after the 15th was recorded as sent.
        awaitProcess(() -> telegram.awaitHeldSends(1));
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        telegram.dropHeldSends();
        assertThat(telegram.sent()).hasSize(15);

        try (SqlStorage store = SqlStorage.open(loaded.store(), dir, Clock.systemUTC());
             SourcePipeline pipeline = new SourcePipeline(loaded, store, Clock.systemUTC());
             TelegramBot bot = new TelegramBot(loaded, store,
                     new Sources(pipeline.scheduler(), pipeline.catalog(), pipeline.fetcher()), Clock.systemUTC(),
                     Sleeper.system(Clock.systemUTC()), FakeTelegramServer.TOKEN, null)) {
            // The one on the wire and those claimed ahead of it are SENDING, as the kill left them; the rest pending.
            var counts = store.deliveries().counts();
            assertThat(counts.get(OutboxMessage.State.SENDING)).isPositive();
            assertThat(counts.get(OutboxMessage.State.SENDING) + counts.get(OutboxMessage.State.PENDING))
                    .isEqualTo(CHATS - 15);
            bot.start(new BotApplication.Schedule(null, Duration.ofHours(1), null));
            telegram.awaitSent(CHATS);
            assertThat(bot.application().orElseThrow().sender().awaitIdle(PATIENCE)).isTrue();
        }
        List<SentMessage> sent = telegram.sent();
        Map<Long, Long> perChat = sent.stream().collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(CHATS);
        assertThat(perChat.values()).allMatch(n -> n == 1);
    }

    /** Chats created two hours ago with a digest at this UTC hour, and articles fetched ten minutes ago. */
    private void digestsDueNow(MojazConfig config, Instant now) {
        ChatSettings settings = ChatSettings.defaults("ar", ZoneOffset.UTC)
                .withDigestHours(List.of(now.atZone(ZoneOffset.UTC).getHour())).withAlerts(false);
        try (SqlStorage store = SqlStorage.open(config.store(), dir, Clock.fixed(now.minus(Duration.ofHours(2)), ZoneOffset.UTC))) {
            for (long chat = 1; chat <= CHATS; chat++) {
                store.chats().register(chat, ChatKind.PRIVATE, "chat " + chat, settings);
                store.subscriptions().add(chat, "سوريا", null, 50);
            }
            Instant fetched = now.minus(Duration.ofMinutes(10));
            for (SampleSite.Sample sample : SampleSite.load().subList(0, 2)) {
                String text = String.join("\n\n", sample.paragraphs());
                URI url = URI.create("https://example.org/" + sample.slug());
                store.articles().add(new Article("samples", url, url, sample.slug(), sample.title(), text, null, fetched,
                        fetched, "ar", sample.paragraphs().subList(0, 2), SimHash.signature(text)));
            }
        }
    }
}
