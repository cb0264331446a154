package dev.mojaz.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mojaz.config.HealthConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz}: the {@link HealthReport} as JSON, 200 when healthy and 503 when not, on the JDK's HTTP server
 * ({@code health.port}, {@code health.bind}). One daemon thread; {@link #close()} stops it.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ExecutorService thread;

    private HealthServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Starts serving reports made by {@code reports} on each request. */
    public static HealthServer start(HealthConfig config, Supplier<HealthReport> reports) {
        Objects.requireNonNull(reports, "reports");
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "mojaz-health");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 8);
            server.createContext("/healthz", exchange -> serve(exchange, reports));
            server.setExecutor(thread);
            server.start();
            log.info("health report at http://{}:{}/healthz", config.bind(), server.getAddress().getPort());
            return new HealthServer(server, thread);
        } catch (IOException e) {
            thread.shutdownNow();
            throw new UncheckedIOException("cannot serve /healthz on " + config.bind() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void serve(HttpExchange exchange, Supplier<HealthReport> reports) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equalsIgnoreCase("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            int status;
            byte[] body;
            try {
                HealthReport report = reports.get();
                status = report.healthy() ? 200 : 503;
                body = report.json().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                status = 503;
                body = ("{\"healthy\":false,\"problems\":[\"the store cannot be read\"]}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
