package dev.mojaz.bench.app;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.mojaz.common.DaemonThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmarks' local stand-ins (a Bot API, a slow site) on the JDK's HTTP server: 127.0.0.1, a free port, and a
 * daemon thread for each request in flight, so that requests held open never keep one another waiting.
 */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    /** @param name the threads' name prefix */
    LoopbackServer(String name, HttpHandler handler) throws IOException {
        this.threads = Executors.newCachedThreadPool(DaemonThreads.numbered(name));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", handler);
        server.setExecutor(threads);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
