package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.bot.fake.RateRules;
import dev.mojaz.cli.CliRunner;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.domain.InstanceRepository;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} processes with the same configuration on one PostgreSQL, the fake Bot API and a local news feed.
 * People subscribe (their updates read by the elected instance); the feed publishes; every chat gets each alert
 * exactly once, whichever instance polls, dispatches or sends. Then the update reader is killed with SIGKILL while
 * both instances have messages on the wire, and the survivor finishes the work: it reads the updates (a newcomer is
 * answered and subscribes), polls the source (a second wave of articles), and sends what the dead one had claimed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Tag("slow")
class TwoInstancesTest {
    private static final int PEOPLE = 16;
    private static final int FIRST_WAVE = 5;
    private static final int SECOND_WAVE = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FakeTelegramServer telegram;
    private NewsSite site;
    private String url;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        TestPostgres server = TestPostgres.get().orElse(null);
        assumeTrue(server != null, TestPostgres::unavailableReason);
        url = server.createDatabase();
        // Each instance keeps to 10 messages a second (telegram.limits is per instance): together under 30.
        telegram = FakeTelegramServer.builder().rateRules(RateRules.telegram()).patience(PATIENCE).start();
        site = new NewsSite();
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (telegram != null) {
            telegram.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void twoInstancesShareTheWorkAndTheSurvivorOfASigkillFinishesIt() throws Exception {
        Process a = run("a");
        awaitRoles(a, "update reader (long polling)");
        Process b = run("b");
        awaitRoles(b, "standby for updates");

        List<FakeUser> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            FakeUser person = FakeUser.arabic(7000 + i, "قارئ " + i);
            people.add(person);
            telegram.sendText(FakeChat.privateWith(person), person, "/start");
            telegram.sendText(FakeChat.privateWith(person), person, "/subscribe سوريا");
        }
        for (FakeUser person : people) {
            awaitProcesses(() -> assertThat(telegram.awaitSentTo(person.id(), 2).get(1).visibleText()).contains("سوريا"));
        }
        int replies = telegram.sent().size();

        // The first wave; part-way through sending it, Telegram stops answering: every worker of both instances
        // (two each) is left with a message on the wire, the moment to kill one.
        telegram.holdSendsAfter(PEOPLE * FIRST_WAVE / 2);
        site.publish(FIRST_WAVE);
        awaitProcesses(() -> telegram.awaitHeldSends(4));
        try (SqlStorage store = openStore()) {
            awaitThat("the update reader to have claimed messages", () -> sendingBy(store, a) > 0);
        }
        a.destroyForcibly(); // SIGKILL
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();
        telegram.dropHeldSends();

        // The survivor reads the updates now: a newcomer is answered, and subscribes.
        awaitRoles(b, "update reader (long polling)");
        FakeUser late = FakeUser.arabic(7999, "متأخر");
        telegram.sendText(FakeChat.privateWith(late), late, "/start");
        telegram.sendText(FakeChat.privateWith(late), late, "/subscribe سوريا");
        awaitProcesses(() -> assertThat(telegram.awaitSentTo(late.id(), 2).get(1).visibleText()).contains("سوريا"));

        // ...polls the source, and sends everything, what the dead one had claimed included.
        site.publish(SECOND_WAVE);
        int articles = FIRST_WAVE + SECOND_WAVE;
        for (FakeUser person : people) {
            awaitProcesses(() -> telegram.awaitSentTo(person.id(), 2 + articles));
        }
        awaitProcesses(() -> telegram.awaitSentTo(late.id(), 2 + SECOND_WAVE));
        try (SqlStorage store = openStore()) {
            awaitThat("the outbox to be empty", () -> waiting(store) == 0);
            for (FakeUser person : people) {
                assertThat(store.deliveries().ofChat(person.id()).stream()
                        .filter(m -> m.state() == OutboxMessage.State.SENT).count()).isEqualTo(2 + articles);
            }
        }

        // Exactly once: each person got each article's alert once, and nothing else.
        Map<Long, List<SentMessage>> byChat = telegram.sent().stream()
                .collect(Collectors.groupingBy(SentMessage::chatId));
        for (FakeUser person : people) {
            List<String> alerts = byChat.get(person.id()).stream().skip(2).map(SentMessage::visibleText).toList();
            assertThat(alerts).as("alerts to %s", person.id()).hasSize(articles).doesNotHaveDuplicates();
            for (int n = 1; n <= articles; n++) {
                String title = NewsSite.title(n);
                assertThat(alerts).as("the alert of article %s", n).filteredOn(text -> text.contains(title)).hasSize(1);
            }
        }
        assertThat(byChat.get(late.id())).hasSize(2 + SECOND_WAVE);
        assertThat(telegram.sent()).hasSize(replies + 2 + PEOPLE * articles + SECOND_WAVE);
        // Each instance spaces its own messages to a chat; two instances may send one chat's consecutive messages
        // closer than that, and Telegram's 429 is then waited out exactly: counted here, never lost nor doubled.
        System.out.println("429 answers (per-chat spacing across instances): " + telegram.violations());
        // One reader at a time: no getUpdates was refused for a concurrent one while both lived.
        assertThat(telegram.calls("getUpdates")).filteredOn(call -> call.at().isBefore(killed))
                .noneMatch(call -> call.status() == 409);

        // status lists the one instance left, with its roles.
        CliRunner.Result status = new CliRunner(dir, Map.of(ConfigLoader.ENV_STORE_URL, url), Clock.systemUTC())
                .run("status", "--config", config("status").toString());
        assertThat(status.out()).contains("instances alive: 1")
                .contains(":" + b.pid() + ":").contains("update reader (long polling), sender");
    }

    // ---- the processes ---------------------------------------------------------------------------------------

    private Path config(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Path file = folder.resolve("mojaz.yaml");
        Files.writeString(file, """
                store:
                  path: data/unused.db
                telegram:
                  request-timeout: 5s
                  poll-timeout: 1s
                  sender-threads: 2
                  limits:
                    messages-per-second: 10
                fetch:
                  allow-private-addresses: true
                sources:
                  - id: local
                    name: "أخبار محلية"
                    feed: %s
                    interval: 5s
                digest:
                  interval: 5s
                bot:
                  default-digest-hours: []
                """.formatted(site.url("/feed.xml")), StandardCharsets.UTF_8);
        return file;
    }

    private Process run(String name) throws IOException {
        Path config = config(name);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.mojaz.cli.Main", "run", "--config", config.toString())
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(config.getParent().resolve("run.log").toFile());
        builder.environment().put("MOJAZ_TELEGRAM_TOKEN", FakeTelegramServer.TOKEN);
        builder.environment().put("MOJAZ_TELEGRAM_API_URL", telegram.baseUri().toString());
        builder.environment().put(ConfigLoader.ENV_STORE_URL, url);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private SqlStorage openStore() {
        return SqlStorage.open(new StoreConfig("unused.db", url, null, 30), dir, Clock.systemUTC());
    }

    /** Waits until the process's instance says it holds these roles (its heartbeat, read from the database). */
    private void awaitRoles(Process process, String roles) throws Exception {
        try (SqlStorage store = openStore()) {
            awaitThat("instance " + process.pid() + " to be '" + roles + "'", () -> store.instances().alive().stream()
                    .anyMatch(i -> i.pid() == process.pid() && i.roles().startsWith(roles)));
        }
    }

    private static long sendingBy(SqlStorage store, Process process) {
        Optional<InstanceRepository.InstanceInfo> instance = store.instances().alive().stream()
                .filter(i -> i.pid() == process.pid()).findFirst();
        return instance.map(i -> store.deliveries().sendingBy(i.id())).orElse(0L);
    }

    private static long waiting(SqlStorage store) {
        var counts = store.deliveries().counts();
        return counts.get(OutboxMessage.State.PENDING) + counts.get(OutboxMessage.State.SENDING)
                + counts.get(OutboxMessage.State.FAILED);
    }

    /** A condition over processes: generous, since two JVMs and PostgreSQL share two cores with this one. */
    private void awaitThat(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toMinutes() + " min for " + what + "; logs:\n" + logs());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private void awaitProcesses(Runnable await) throws Exception {
        try {
            await.run();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; logs:\n" + logs(), e);
        }
    }

    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("a", "b")) {
            Path log = dir.resolve(name).resolve("run.log");
            if (Files.exists(log)) {
                out.append("--- ").append(name).append(" ---\n").append(Files.readString(log));
            }
        }
        return out.toString();
    }

    // ---- the news site ---------------------------------------------------------------------------------------

    /** A feed on 127.0.0.1 whose articles the test publishes, each a different story mentioning Syria. */
    private static final class NewsSite implements AutoCloseable {
        private static final List<String> WORDS = List.of("الحكومة", "الوزير", "الاقتصاد", "المدينة", "البرلمان",
                "الانتخابات", "الأسعار", "المستشفى", "الطلاب", "الجامعة", "المزارعين", "القمح", "الكهرباء", "المياه",
                "الطريق", "المطار", "الميناء", "الشركة", "العمال", "النقابة", "المحكمة", "القاضي", "الشرطة", "الحدود",
                "اللاجئين", "المساعدات", "الأمطار", "الصيف", "الشتاء", "السوق", "التجار", "المصرف", "الدولار",
                "الليرة", "الصادرات", "المعبر", "المدرسة", "المعلمين", "الأطباء", "الدواء", "المصنع", "الإنتاج");
        private static final List<String> VERBS = List.of("أعلن", "ناقش", "رفض", "أكد", "طالب", "افتتح", "درس",
                "انتقد", "وافق على", "أجل", "بحث", "دعا إلى");

        private final HttpServer server;
        private final List<Instant> published = new CopyOnWriteArrayList<>();

        NewsSite() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body;
                String type;
                if (path.equals("/feed.xml")) {
                    body = feed();
                    type = "application/rss+xml; charset=utf-8";
                } else if (path.startsWith("/news/") && number(path) <= published.size()) {
                    int n = number(path);
                    body = Fixtures.articlePage(title(n), paragraphs(n), null);
                    type = "text/html; charset=utf-8";
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void publish(int more) {
            for (int i = 0; i < more; i++) {
                published.add(Instant.now());
            }
        }

        static String title(int n) {
            Random random = new Random(n);
            return "سوريا: " + VERBS.get(random.nextInt(VERBS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()))
                    + " خطة رقم " + n;
        }

        /** Five paragraphs of words drawn at random (seeded by n): articles far apart, so each is its own story. */
        static List<String> paragraphs(int n) {
            Random random = new Random(1000L + n);
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                StringBuilder text = new StringBuilder(p == 0 ? "دمشق - قالت مصادر في سوريا اليوم إن " : "");
                for (int s = 0; s < 3; s++) {
                    for (int w = 0; w < 12; w++) {
                        text.append(w % 4 == 0 ? VERBS.get(random.nextInt(VERBS.size())) : WORDS.get(random.nextInt(WORDS.size())))
                                .append(' ');
                    }
                    text.setLength(text.length() - 1);
                    text.append(". ");
                }
                paragraphs.add(text.toString().strip());
            }
            return paragraphs;
        }

        private static int number(String path) {
            try {
                return Integer.parseInt(path.substring("/news/".length()).replace(".html", ""));
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }

        private String feed() {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                    + "<channel><title>أخبار محلية</title><link>" + url("/") + "</link><description>d</description>\n");
            for (int n = published.size(); n >= 1; n--) {
                xml.append("<item><title>").append(Fixtures.escape(title(n))).append("</title><link>")
                        .append(url("/news/" + n + ".html")).append("</link><guid isPermaLink=\"false\">news-")
                        .append(n).append("</guid><pubDate>").append(RFC_822.format(published.get(n - 1)))
                        .append("</pubDate></item>\n");
            }
            return xml.append("</channel></rss>\n").toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
