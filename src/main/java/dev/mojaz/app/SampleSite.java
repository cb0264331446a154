package dev.mojaz.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mojaz.common.DaemonThreads;
import dev.mojaz.config.SourceConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A news site on 127.0.0.1 for the console: the bundled seed articles ({@code /dev/mojaz/samples/*.txt}) as article
 * pages, and an RSS feed that lists them as they are "published", one at a time, so that a session shows new
 * articles arriving. Beside it, a second small site for trying {@code /add}: a weather bulletin
 * ({@link #weatherHome()}) whose home page names its feed in {@code <link rel="alternate">}, with all its items out
 * from the start; and {@code /sources.opml} listing that feed, for {@code /importopml}. Served by the JDK's HTTP
 * server on one daemon thread.
 */
public final class SampleSite implements AutoCloseable {
    /** The source id the console polls. */
    public static final String SOURCE_ID = "samples";
    /** The name the console's alerts and digests show for it ("Mojaz samples"). */
    public static final String SOURCE_NAME = "عينات موجز";
    /** The weather site's name. */
    public static final String WEATHER_NAME = "نشرة الطقس";
    private static final String INDEX = "/dev/mojaz/app/samples.tsv";
    private static final List<String> WEATHER = List.of("rain", "heat", "snow");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One sample article: its page's slug, title and paragraphs. */
    public record Sample(String slug, String title, List<String> paragraphs) {
    }

    private final List<Sample> samples;
    private final List<Sample> weather;
    private final Instant started;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService thread;
    private final List<Instant> publishedAt = new ArrayList<>();

    private SampleSite(List<Sample> samples, Clock clock, HttpServer server, ExecutorService thread) {
        this.samples = samples;
        this.weather = loadWeather();
        this.clock = clock;
        this.started = clock.instant();
        this.server = server;
        this.thread = thread;
    }

    /** Starts the site on a free loopback port, with nothing published yet. */
    public static SampleSite start(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        List<Sample> samples = load();
        ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("mojaz-samples"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            SampleSite site = new SampleSite(samples, clock, server, thread);
            server.createContext("/", site::serve);
            server.setExecutor(thread);
            server.start();
            return site;
        } catch (IOException e) {
            thread.shutdownNow();
            throw new UncheckedIOException("cannot start the sample site: " + e.getMessage(), e);
        }
    }

    /** The sample articles, in publishing order. */
    public static List<Sample> load() {
        List<Sample> samples = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            List<String> lines = read("/dev/mojaz/samples/" + fields[0] + ".txt").lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            List<String> paragraphs = fields[2].strip().equals("yes") ? lines.subList(1, lines.size()) : lines;
            samples.add(new Sample(fields[0], fields[1].strip(), List.copyOf(paragraphs)));
        }
        return List.copyOf(samples);
    }

    /** The weather bulletins, each file's first line its title. */
    private static List<Sample> loadWeather() {
        List<Sample> bulletins = new ArrayList<>();
        for (String slug : WEATHER) {
            List<String> lines = read("/dev/mojaz/app/weather/" + slug + ".txt").lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            bulletins.add(new Sample(slug, lines.get(0), List.copyOf(lines.subList(1, lines.size()))));
        }
        return List.copyOf(bulletins);
    }

    /** The weather site's home page, which names its feed ({@code <link rel="alternate">}). */
    public URI weatherHome() {
        return base().resolve("/weather/");
    }

    /** The weather site's RSS feed. */
    public URI weatherFeed() {
        return base().resolve("/weather/feed.xml");
    }

    /** An OPML file listing the weather feed. */
    public URI opml() {
        return base().resolve("/sources.opml");
    }

    /** The source to poll: this site's feed, every minute. */
    public SourceConfig source() {
        return new SourceConfig(SOURCE_ID, SOURCE_NAME, "ar", feedUrl(), null, null, Duration.ofMinutes(1), true);
    }

    public URI feedUrl() {
        return base().resolve("/feed.xml");
    }

    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    /** Publishes the next sample; false when all are out. */
    public synchronized boolean publishNext() {
        if (publishedAt.size() >= samples.size()) {
            return false;
        }
        publishedAt.add(clock.instant());
        return true;
    }

    public synchronized int published() {
        return publishedAt.size();
    }

    public int total() {
        return samples.size();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/feed.xml")) {
                respond(exchange, 200, "application/rss+xml; charset=utf-8", feed());
                return;
            }
            if (path.equals("/weather/") || path.equals("/weather")) {
                respond(exchange, 200, "text/html; charset=utf-8", weatherPage());
                return;
            }
            if (path.equals("/weather/feed.xml")) {
                respond(exchange, 200, "application/rss+xml; charset=utf-8", weatherFeedXml());
                return;
            }
            if (path.equals("/sources.opml")) {
                respond(exchange, 200, "text/x-opml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<opml version=\"2.0\"><head><title>Mojaz samples</title></head><body>"
                        + "<outline type=\"rss\" text=\"" + escape(WEATHER_NAME) + "\" xmlUrl=\"" + weatherFeed()
                        + "\" htmlUrl=\"" + weatherHome() + "\"/></body></opml>\n");
                return;
            }
            for (Sample bulletin : weather) {
                if (path.equals("/weather/" + bulletin.slug() + ".html")) {
                    respond(exchange, 200, "text/html; charset=utf-8", page(bulletin));
                    return;
                }
            }
            for (Sample sample : publishedSamples()) {
                if (path.equals("/articles/" + sample.slug() + ".html")) {
                    respond(exchange, 200, "text/html; charset=utf-8", page(sample));
                    return;
                }
            }
            respond(exchange, 404, "text/plain; charset=utf-8", "not found");
        }
    }

    private synchronized List<Sample> publishedSamples() {
        return List.copyOf(samples.subList(0, publishedAt.size()));
    }

    private synchronized String feed() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(escape(SOURCE_NAME)).append("</title><link>").append(base())
                .append("/</link><description>Mojaz sample articles</description>\n");
        for (int i = publishedAt.size() - 1; i >= 0; i--) {
            Sample sample = samples.get(i);
            String link = base() + "/articles/" + sample.slug() + ".html";
            xml.append("<item><title>").append(escape(sample.title())).append("</title><link>").append(link)
                    .append("</link><guid isPermaLink=\"false\">").append(sample.slug()).append("</guid><pubDate>")
                    .append(RFC_822.format(publishedAt.get(i))).append("</pubDate><description>")
                    .append(escape(sample.paragraphs().get(0))).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** The weather site's home page: its headlines, and its feed named for readers and bots. */
    private String weatherPage() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(WEATHER_NAME)).append("</title>")
                .append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(escape(WEATHER_NAME))
                .append("\" href=\"/weather/feed.xml\"></head><body><h1>").append(escape(WEATHER_NAME)).append("</h1><ul>");
        for (Sample bulletin : weather) {
            html.append("<li><a href=\"/weather/").append(bulletin.slug()).append(".html\">")
                    .append(escape(bulletin.title())).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private String weatherFeedXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(escape(WEATHER_NAME)).append("</title><link>").append(weatherHome())
                .append("</link><description>Mojaz sample weather bulletins</description>\n");
        for (Sample bulletin : weather) {
            xml.append("<item><title>").append(escape(bulletin.title())).append("</title><link>").append(base())
                    .append("/weather/").append(bulletin.slug()).append(".html</link><guid isPermaLink=\"false\">weather-")
                    .append(bulletin.slug()).append("</guid><pubDate>").append(RFC_822.format(started))
                    .append("</pubDate><description>").append(escape(bulletin.paragraphs().get(0)))
                    .append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String page(Sample sample) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(sample.title())).append("</title></head><body><main><article><h1>")
                .append(escape(sample.title())).append("</h1>");
        for (String paragraph : sample.paragraphs()) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        return html.append("</article></main></body></html>").toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String read(String resource) {
        try (InputStream in = SampleSite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                reader.lines().forEach(line -> text.append(line).append('\n'));
                return text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
