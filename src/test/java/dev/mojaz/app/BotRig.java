package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeSleeper;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.RateRules;
import dev.mojaz.cli.SourcePipeline;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole bot against fakes, as {@code run} wires it: a real SQLite file, the real TelegramBots client talking to
 * the fake Bot API server (which enforces Telegram's flood limits against the same fake clock), feeds and article pages
 * on a local web server, and a clock the test moves (the sender's waits move it instead of sleeping).
 *
 * <p>Sources are polled and articles dispatched when the test says ({@link #pollAndDispatch()}); the sender and the
 * update intake run on their own threads, as in production.
 */
final class BotRig implements AutoCloseable {
    static final String WIRE = "wire";
    static final String OTHER = "other";

    final Path dir;
    final FakeClock clock;
    final FakeSleeper sleeper;
    final FakeTelegramServer telegram;
    final FixtureSite site;
    final MojazConfig config;
    private final Map<String, List<Fixtures.Item>> feeds = new ConcurrentHashMap<>();

    String webhookSecret;
    SqlStorage store;
    SourcePipeline pipeline;
    TelegramBot bot;

    BotRig(Path dir, String clockStart, String extraYaml) throws IOException {
        this.dir = dir;
        this.clock = FakeClock.at(clockStart);
        this.sleeper = new FakeSleeper(clock);
        this.telegram = FakeTelegramServer.builder().clock(clock).rateRules(RateRules.telegram()).start();
        this.site = new FixtureSite();
        for (String source : List.of(WIRE, OTHER)) {
            feeds.put(source, new CopyOnWriteArrayList<>());
            site.handle("/" + source + ".xml", request -> new okhttp3.mockwebserver.MockResponse()
                    .setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                    .setBody(Fixtures.rss(source, List.copyOf(feeds.get(source)))));
        }
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, """
                sources:
                  - id: wire
                    name: "وكالة الاختبار"
                    feed: %s
                  - id: other
                    name: "موقع آخر"
                    feed: %s
                fetch:
                  allow-private-addresses: true
                  max-retries: 0
                store:
                  path: %s
                telegram:
                  api-url: %s
                  request-timeout: 30s # never reached by the local fake: a timeout would wait for the fake clock to retry
                  poll-timeout: 1s
                  sender-threads: 1
                  retry:
                    first-delay: 1s
                    max-delay: 5m
                    max-attempts: 3
                """.formatted(site.url("/wire.xml"), site.url("/other.xml"), dir.resolve("bot.db"), telegram.baseUri())
                + extraYaml, StandardCharsets.UTF_8);
        this.config = new ConfigLoader(Map.of()).load(file);
    }

    BotRig(Path dir) throws IOException {
        this(dir, "2026-11-20T10:00:00Z", "");
    }

    /** Opens the store and starts the bot (again, after {@link #crash()} or {@link #stop()}). */
    BotRig start() throws Exception {
        store = SqlStorage.open(config.store(), dir, clock);
        pipeline = new SourcePipeline(config, store, clock);
        bot = new TelegramBot(config, store, new Sources(pipeline.scheduler(), pipeline.catalog(), pipeline.fetcher()),
                clock, sleeper, FakeTelegramServer.TOKEN, webhookSecret);
        bot.start(new BotApplication.Schedule(null, Duration.ofHours(1), null));
        return this;
    }

    BotApplication app() {
        return bot.application().orElseThrow();
    }

    /** A graceful stop, as on SIGTERM. */
    void stop() {
        bot.close();
        pipeline.close();
        store.close();
    }

    /**
     * A crash: the database goes away first (nothing the old process does after this point is recorded); then what is
     * left of it is torn down, and once its sender has stopped taking messages, the requests it had on the wire are
     * dropped undelivered (a dead process sends nothing more, so neither may its threads).
     */
    void crash() throws InterruptedException {
        store.close();
        var sender = app().sender();
        Thread teardown = new Thread(bot::close, "crash-teardown");
        teardown.start();
        while (!sender.isStopping()) {
            Thread.onSpinWait();
        }
        telegram.dropHeldSends();
        teardown.join();
        pipeline.close();
    }

    /** A private chat with these settings and one subscription, known to the running bot's matcher. */
    Chat subscribe(long chatId, String query, ChatSettings settings) {
        ChatKind kind = chatId > 0 ? ChatKind.PRIVATE : ChatKind.SUPERGROUP;
        Chat chat = store.chats().register(chatId, kind, "chat " + chatId, settings);
        store.chats().updateSettings(chatId, settings);
        store.subscriptions().add(chatId, query, null, 50);
        app().subscriptions().sync(chatId); // as the conversation does after its own commits
        return store.chats().find(chat.id()).orElseThrow();
    }

    static ChatSettings arabic(String zone) {
        return ChatSettings.defaults("ar", ZoneId.of(zone)).withDigestHours(List.of());
    }

    /** Puts an article on a source's feed (newest first) and its page on the site. */
    void publish(String source, String slug, String title, String text) {
        String path = "/" + source + "/" + slug + ".html";
        site.html(path, Fixtures.articlePage(title, Fixtures.paragraphs(text), null));
        List<Fixtures.Item> items = feeds.get(source);
        items.add(0, new Fixtures.Item(title, site.base() + path, source + "-" + slug, null));
    }

    /** Polls every source now, then enqueues the alerts and the digests due. */
    BotApplication.Dispatched pollAndDispatch() {
        app().pollNow();
        return app().dispatchNow();
    }

    /** Waits until the sender has nothing to do now. */
    void awaitIdle() throws InterruptedException {
        assertThat(app().sender().awaitIdle(Duration.ofSeconds(60))).as("the sender became idle").isTrue();
    }

    /** Moves the clock and tells the sender to look again. */
    void advance(Duration by) {
        clock.advance(by);
        app().sender().wake();
    }

    List<OutboxMessage> outbox(long chatId) {
        return store.deliveries().ofChat(chatId);
    }

    static String seed(String name) {
        return Fixtures.seed(name);
    }

    /** Paragraphs of generated Arabic-looking prose (distinct from article to article), mentioning {@code word}. */
    static String prose(int article, String word, int sentences) {
        String[] vocabulary = {"الحكومة", "الوزير", "المدينة", "الاجتماع", "المشروع", "الاقتصاد", "الطاقة", "المياه",
                "الطرق", "المدارس", "المستشفى", "الميناء", "الزراعة", "الصناعة", "التجارة", "السياحة", "البرلمان",
                "المجلس", "اللجنة", "الخطة", "الميزانية", "الأسعار", "الرواتب", "الشباب", "الجامعة", "المطار"};
        java.util.Random random = new java.util.Random(article * 7919L);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            StringBuilder sentence = new StringBuilder(s == 0 ? "قال مسؤول في " + word + " إن" : "وأضاف أن");
            for (int w = 0; w < 14; w++) {
                sentence.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            paragraph.append(sentence).append(" رقم ").append(article).append('.').append(' ');
            if (s % 3 == 2) {
                paragraphs.add(paragraph.toString().strip());
                paragraph.setLength(0);
            }
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString().strip());
        }
        return String.join("\n\n", paragraphs);
    }

    @Override
    public void close() {
        try {
            if (bot != null) {
                bot.close();
            }
            if (pipeline != null) {
                pipeline.close();
            }
            if (store != null) {
                store.close();
            }
        } finally {
            telegram.close();
            try {
                site.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
