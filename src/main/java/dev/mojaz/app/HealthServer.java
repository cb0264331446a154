package dev.mojaz.app;

import dev.mojaz.config.HealthConfig;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz}: the {@link HealthReport} as JSON, 200 when healthy and 503 when not ({@code health.port},
 * {@code health.bind}). {@link #close()} stops it.
 *
 * <p>Why Jetty and not the JDK's {@code HttpServer}: the JDK server reads each request's line and headers on its
 * executor's thread, so one client that sends half a request and then nothing holds that thread, and a monitor
 * probing /healthz behind it sees the bot as dead. Jetty reads requests without holding a thread, closes a
 * connection that stays silent for {@link #IDLE_TIMEOUT_MS}, and caps the connections at {@link #MAX_CONNECTIONS}.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    static final int IDLE_TIMEOUT_MS = 5_000;
    static final int MAX_CONNECTIONS = 128;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int THREADS = 4;

    private final Server server;
    private final ServerConnector connector;
    private final String bind;

    private HealthServer(Server server, ServerConnector connector, String bind) {
        this.server = server;
        this.connector = connector;
        this.bind = bind;
    }

    /** Starts serving reports made by {@code reports} on each request. */
    public static HealthServer start(HealthConfig config, Supplier<HealthReport> reports) {
        Objects.requireNonNull(reports, "reports");
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 1);
        threads.setName("mojaz-health");
        threads.setDaemon(true);
        Server server = new Server(threads, new ScheduledExecutorScheduler("mojaz-health-timeouts", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
        server.setHandler(new Report(reports));
        try {
            server.start();
        } catch (Exception e) {
            stop(server);
            throw new UncheckedIOException("cannot serve /healthz on " + config.bind() + ":" + config.port() + ": "
                    + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        HealthServer health = new HealthServer(server, connector, config.bind());
        log.info("health report at http://{}:{}/healthz", config.bind(), health.address().getPort());
        return health;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(bind, connector.getLocalPort());
    }

    /** Answers {@code GET /healthz}; the report is made on a pool thread because it reads the store. */
    private static final class Report extends Handler.Abstract {
        private final Supplier<HealthReport> reports;

        Report(Supplier<HealthReport> reports) {
            this.reports = reports;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/healthz".equals(Request.getPathInContext(request))) {
                response.setStatus(404);
                callback.succeeded();
                return true;
            }
            if (!"GET".equals(request.getMethod())) {
                response.setStatus(405);
                callback.succeeded();
                return true;
            }
            int status;
            String body;
            try {
                HealthReport report = reports.get();
                status = report.healthy() ? 200 : 503;
                body = report.json();
            } catch (RuntimeException e) {
                status = 503;
                body = "{\"healthy\":false,\"problems\":[\"the store cannot be read\"]}";
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    @Override
    public void close() {
        stop(server);
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("health server did not stop cleanly", e);
        }
    }
}
