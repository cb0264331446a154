package dev.mojaz.bench.app;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pages that never come, on 127.0.0.1, the three ways a hostile or broken site holds a reader:
 * <ul>
 *   <li>{@link Kind#HANG}: accepts the request and never answers;</li>
 *   <li>{@link Kind#TRICKLE}: answers 200 and sends one byte a second, for ever, so no read ever times out;</li>
 *   <li>{@link Kind#BUSY}: answers 503 with {@code Retry-After: 3}, slowly, every time it is asked.</li>
 * </ul>
 * Every connection is held until {@link #close()}.
 */
public final class SlowSite implements AutoCloseable {
    /** How a page fails to come. */
    public enum Kind {
        HANG, TRICKLE, BUSY
    }

    private final LoopbackServer server;
    private final CountDownLatch closing = new CountDownLatch(1);

    public SlowSite() throws IOException {
        this.server = new LoopbackServer("bench-slow-site", this::serve);
    }

    /** The address of page {@code n} that fails the {@code kind} way (each {@code n} its own page, never cached). */
    public String url(Kind kind, int n) {
        return server.baseUri() + "/" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + "/" + n;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/hang/")) {
                closing.await();
            } else if (path.startsWith("/trickle/")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, 0);
                trickle(exchange.getResponseBody());
            } else {
                exchange.getResponseHeaders().set("Retry-After", "3");
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                closing.await(2, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(503, 0);
                trickle(exchange.getResponseBody());
            }
        } catch (InterruptedException | IOException e) {
            // closing, or the reader hung up: either way this request is over
        }
    }

    private void trickle(OutputStream body) throws IOException, InterruptedException {
        while (!closing.await(1, TimeUnit.SECONDS)) {
            body.write('<');
            body.flush();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }
}
