package dev.mojaz.bot.conversation;

import com.sun.net.httpserver.HttpServer;
import dev.mojaz.ingest.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site on 127.0.0.1 for tests (JDK HttpServer): pages and feeds by path, 404 for anything else; {@code /slow}
 * never answers, and {@code /held/PATH} answers as {@code PATH} once the test releases it.
 */
final class PageServer implements AutoCloseable {
    /** The seed article the site's page {@link #ARTICLE} is made of. */
    static final String SEED = "000_6b2c92f6e4f8b8b5";
    static final String TITLE = "روسيا: الوجود الأمريكي في التنف يعيق محاربة داعش";
    static final String ARTICLE = "/news/1";

    private record Page(String contentType, byte[] body) {
    }

    private final HttpServer http;
    /** {@code /slow} answers only when the site closes: a server that never finishes. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    /** {@code /held/PATH} answers as {@code PATH} does, once {@link #release()} is called. */
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    /** Requests for {@code /held/...} that arrived (each waits for {@link #release()}). */
    private final java.util.concurrent.Semaphore heldArrivals = new java.util.concurrent.Semaphore(0);

    PageServer() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "page-server");
            thread.setDaemon(true);
            return thread;
        }));
        http.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/held/")) {
                heldArrivals.release();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                path = path.substring("/held".length());
            }
            Page page = pages.get(path);
            try (exchange) {
                if (page == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
                exchange.sendResponseHeaders(200, page.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page.body());
                }
            }
        });
        http.start();
        html(ARTICLE, Fixtures.articlePage(TITLE, articleParagraphs(), null));
    }

    static List<String> articleParagraphs() {
        return Fixtures.paragraphs(Fixtures.seed(SEED));
    }

    PageServer html(String path, String html) {
        pages.put(path, new Page("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    PageServer raw(String path, String contentType, byte[] body) {
        pages.put(path, new Page(contentType, body));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    /** Waits (generously) until {@code count} requests for held pages have arrived in all. */
    void awaitHeldRequests(int count) throws InterruptedException {
        if (!heldArrivals.tryAcquire(count, 20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("waited for " + count + " requests of held pages");
        }
        heldArrivals.release(count);
    }

    /** Lets every held request (and those to come) have its answer. */
    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release.countDown();
        closing.countDown();
        http.stop(0);
    }
}
