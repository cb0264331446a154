package dev.mojaz.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.chat.MemoryUpdateOffsets;
import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.bot.fake.FakeTelegramServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook server against hostile clients: half-sent requests, trickled bodies, oversized bodies, wrong secrets;
 * and a handler that fails (the store busy, the disk full) gets the update sent again instead of lost.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("fast")
class WebhookIntakeTest {
    private static final String SECRET = "s3cret_Token-42";
    private static final String PATH = "/tg";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BlockingQueue<Incoming> handled = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private FakeTelegramServer telegram;
    private TelegramConnection connection;
    private UpdateOffsetStore offsets;
    private WebhookIntake intake;

    @BeforeEach
    void startTelegram() {
        telegram = FakeTelegramServer.start();
        connection = new TelegramConnection(telegram.baseUri(), telegram.token(), Duration.ofSeconds(5),
                Duration.ofSeconds(2));
        offsets = new MemoryUpdateOffsets();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (intake != null) {
            intake.close();
        }
        connection.close();
        telegram.close();
    }

    private void start(IncomingHandler handler) throws Exception {
        start(handler, WebhookIntake.Limits.DEFAULT);
    }

    private void start(IncomingHandler handler, WebhookIntake.Limits limits) throws Exception {
        intake = new WebhookIntake(connection, URI.create("http://127.0.0.1:0" + PATH),
                new InetSocketAddress("127.0.0.1", 0), SECRET, offsets, handler, Clock.systemUTC(), limits);
        intake.start();
    }

    @Test
    void aSignedUpdateIsAnsweredWhileFiftySlowConnectionsAreHeldOpen() throws Exception {
        // deadlines far beyond the test, so that the slow connections are still open when the update comes
        start(handled::add, new WebhookIntake.Limits(Duration.ofMinutes(10), Duration.ofMinutes(10), 8192, 1 << 20,
                512, 8, 16));
        for (int i = 0; i < 50; i++) {
            if (i % 2 == 0) {
                // the request line and a Host header, then nothing
                openSlow("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            } else {
                // a complete, signed head, then a body that trickles: one byte of the promised 1000
                openSlow("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + WebhookIntake.SECRET_HEADER + ": " + SECRET + "\r\nContent-Length: 1000\r\n\r\n{");
            }
        }

        assertThat(post(update(700001), SECRET).statusCode()).isEqualTo(200);
        Incoming first = handled.poll(30, TimeUnit.SECONDS);
        assertThat(first).isNotNull().extracting(Incoming::updateId).isEqualTo(700001L);
    }

    @Test
    void anUpdateWhoseHandlingFailsIsAnswered503AndHandledWhenItComesAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(incoming -> {
            if (attempts.incrementAndGet() == 1) {
                throw new HandlingDeferred("the store refused", new IllegalStateException("[SQLITE_FULL] database or disk is full"));
            }
            handled.add(incoming);
        });

        assertThat(post(update(700002), SECRET).statusCode()).as("Telegram must send it again").isEqualTo(503);
        assertThat(offsets.lastHandled()).isZero();
        assertThat(handled).isEmpty();

        assertThat(post(update(700002), SECRET).statusCode()).isEqualTo(200);
        assertThat(handled).extracting(Incoming::updateId).containsExactly(700002L);
    }

    @Test
    void anEarlierUpdateRefusedWhileALaterOneSucceedsIsStillHandledWhenItComesAgain() throws Exception {
        // Webhook requests run concurrently, so a later update can succeed while an earlier one is refused; the
        // later one's success must not mark the earlier one handled (there is no low-water mark in webhook mode).
        AtomicInteger attempts = new AtomicInteger();
        start(incoming -> {
            if (incoming.updateId() == 700003L && attempts.incrementAndGet() == 1) {
                throw new HandlingDeferred("the store refused", new IllegalStateException("[SQLITE_BUSY] the database is locked"));
            }
            handled.add(incoming);
        });

        assertThat(post(update(700003), SECRET).statusCode()).isEqualTo(503);
        assertThat(post(update(700004), SECRET).statusCode()).isEqualTo(200);
        assertThat(post(update(700003), SECRET).statusCode()).isEqualTo(200);

        assertThat(handled).extracting(Incoming::updateId).containsExactly(700004L, 700003L);
    }

    @Test
    void theSecretIsCheckedBeforeTheBodyIsRead() throws Exception {
        start(handled::add);
        // a head with a wrong secret that promises a body it never sends is refused at once
        Socket socket = openSlow("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + WebhookIntake.SECRET_HEADER
                + ": wrong\r\nContent-Length: 5000\r\n\r\n");
        assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 401 Unauthorized");
        assertThat(post(update(700003), null).statusCode()).isEqualTo(401);
        assertThat(handled).isEmpty();
    }

    @Test
    void aBodyOverTheCapIsRefusedWithoutBeingHandled() throws Exception {
        start(handled::add, new WebhookIntake.Limits(Duration.ofSeconds(20), Duration.ofSeconds(10), 8192, 2048, 64,
                8, 4));
        String padded = update(700004).replace("\"text\"", " ".repeat(3000) + "\"text\"");
        assertThat(post(padded, SECRET).statusCode()).as("declared length over the cap").isEqualTo(413);
        // the same without a length (chunked): refused once the cap is passed
        HttpRequest chunked = HttpRequest.newBuilder(hook()).timeout(Duration.ofSeconds(20))
                .header(WebhookIntake.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        padded.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        // a head that promises more than the cap is answered without waiting for the body
        Socket socket = openSlow("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + WebhookIntake.SECRET_HEADER
                + ": " + SECRET + "\r\nContent-Length: 5000000\r\n\r\n{");
        assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Payload Too Large");
        assertThat(handled).isEmpty();

        assertThat(post(update(700005), SECRET).statusCode()).as("a small update still passes").isEqualTo(200);
        assertThat(handled).extracting(Incoming::updateId).containsExactly(700005L);
    }

    @Test
    void aConnectionThatDoesNotDeliverItsRequestInTimeIsClosed() throws Exception {
        start(handled::add, new WebhookIntake.Limits(Duration.ofMillis(300), Duration.ofSeconds(30), 8192, 1 << 20,
                64, 8, 4));
        // silent after the request line: closed at the deadline, long before the idle timeout
        Socket stalled = openSlow("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        // a signed head whose body trickles: the same
        Socket trickling = openSlow("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + WebhookIntake.SECRET_HEADER
                + ": " + SECRET + "\r\nContent-Length: 1000\r\n\r\n{");
        assertThat(closedByServer(stalled)).isTrue();
        assertThat(closedByServer(trickling)).isTrue();
        assertThat(handled).isEmpty();
        assertThat(post(update(700006), SECRET).statusCode()).isEqualTo(200);
    }

    private Socket openSlow(String head) throws IOException {
        Socket socket = new Socket("127.0.0.1", intake.address().getPort());
        socket.setSoTimeout(30_000); // a read the server never answers fails the test instead of hanging it
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + intake.address().getPort() + PATH);
    }

    private HttpResponse<String> post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(hook())
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header(WebhookIntake.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String update(long id) {
        return """
                {"update_id": %d, "message": {"message_id": 1, "date": 1763632800,
                 "chat": {"id": 5001, "type": "private", "first_name": "Huda"},
                 "from": {"id": 5001, "is_bot": false, "first_name": "Huda", "language_code": "en"},
                 "text": "/help", "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}""".formatted(id);
    }

    /** Reads until the server closes the connection; true if it did (a read gave -1 or the connection reset). */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an answer (408, 400) before the close is fine
            }
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
