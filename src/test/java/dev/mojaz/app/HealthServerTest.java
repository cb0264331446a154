package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.HealthConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** /healthz stays answerable while clients hold connections open with half-sent requests. */
@Tag("fast")
class HealthServerTest {
    private static final HealthReport HEALTHY = new HealthReport(Instant.parse("2026-12-02T10:00:00Z"), List.of(),
            List.of(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), List.of());

    private final List<Socket> slow = new ArrayList<>();
    private HealthServer server;

    @BeforeEach
    void start() {
        server = HealthServer.start(new HealthConfig(0, "127.0.0.1", Duration.ofMinutes(30), Duration.ofMinutes(5)),
                () -> HEALTHY);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slow) {
            socket.close();
        }
        server.close();
    }

    @Test
    void answersWhileFiftyClientsHoldHalfSentRequests() throws Exception {
        for (int i = 0; i < 50; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", server.address().getPort()));
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.add(socket);
        }

        // The old single-thread server never answered this (its one thread waited for the first slow client);
        // the generous timeout turns that hang into a failure instead of a stuck build.
        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"healthy\":true");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/other").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/healthz"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aReportThatCannotBeMadeIsUnhealthy() throws Exception {
        server.close();
        server = HealthServer.start(new HealthConfig(0, "127.0.0.1", Duration.ofMinutes(30), Duration.ofMinutes(5)),
                () -> {
                    throw new IllegalStateException("database is locked");
                });

        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("the store cannot be read");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }
}
