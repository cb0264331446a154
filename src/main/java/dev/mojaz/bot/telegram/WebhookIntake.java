package dev.mojaz.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.common.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
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
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by webhook: Telegram posts each update to the URL set with setWebhook, with the secret token in
 * the {@code X-Telegram-Bot-Api-Secret-Token} header, and this server hands it to the {@link IncomingHandler}.
 *
 * <p>Why not telegrambots-webhook's {@code TelegramBotsWebhookApplication}: its handler is given only the parsed
 * {@link Update}, never the request, so it cannot check the secret token, and anyone who learns the URL could post
 * updates in the name of any person. Why not the JDK's {@code HttpServer}: it reads each request's line and headers
 * on a thread of its executor, blocking, so a few clients that send half a request and stop hold every thread
 * (one, before: a single half-sent request stopped every update for minutes), and its timeouts are JVM-wide system
 * properties. Jetty's core server (no servlets) reads request heads on its selector without taking a thread, and
 * this class adds what a public endpoint needs ({@link Limits}):
 * <ul>
 *   <li>the secret is checked, in constant time, as soon as the head is in: before the body is read or any work is
 *       done, so a client without it never costs more than its headers;</li>
 *   <li>the body is read without blocking a thread and is capped (413 above {@link Limits#maxBodyBytes()});</li>
 *   <li>each connection carries one request ({@code Connection: close}) and must deliver it, head and body, within
 *       {@link Limits#requestDeadline()}, and never stay silent longer than {@link Limits#idleTimeout()}; then it is
 *       closed;</li>
 *   <li>the thread pool, the open connections and the updates waiting for the handler are bounded.</li>
 * </ul>
 *
 * <p>Order and "at least once, never twice": setWebhook asks for one connection at a time and updates are handled
 * one by one on one thread. An update the handler recorded as handled ({@link UpdateOffsetStore#wasHandled}) is
 * acknowledged without being handled again. An update is acknowledged (200) only once the handler returned: when it
 * throws {@link HandlingDeferred} (the store is busy, the disk is full) or the bot is stopping, the answer is 503 and
 * Telegram sends the same update again later, so nothing is lost. A fault in handling one update, and an update that
 * cannot be read, are logged and acknowledged: sending them again would not change them.
 */
public final class WebhookIntake implements AutoCloseable {
    /** The header Telegram sends the secret token in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    /**
     * What one client may cost the webhook server.
     *
     * @param requestDeadline the longest a request may take to arrive, head and body, from the connection's opening
     * @param idleTimeout     the longest a connection may stay silent
     * @param maxHeaderBytes  the request line and headers together; more is refused (431)
     * @param maxBodyBytes    an update's JSON; more is refused (413). Telegram's updates are a few kilobytes
     * @param maxConnections  connections open at once; at the limit new ones wait to be accepted and silent ones are
     *                        closed after a second
     * @param threads         Jetty's pool, which parses requests and never waits for a slow client
     * @param queuedUpdates   updates read and waiting for the handler; beyond, 503 (Telegram sends them again)
     */
    public record Limits(Duration requestDeadline, Duration idleTimeout, int maxHeaderBytes, int maxBodyBytes,
                         int maxConnections, int threads, int queuedUpdates) {
        /** Generous for Telegram (one connection, small posts), tight for anyone else. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), Duration.ofSeconds(10), 8 * 1024,
                1 << 20, 512, 8, 16);

        public Limits {
            requirePositive("requestDeadline", requestDeadline);
            requirePositive("idleTimeout", idleTimeout);
            if (maxHeaderBytes < 1024 || maxBodyBytes < 1 || maxConnections < 1 || threads < 4 || queuedUpdates < 1) {
                throw new IllegalArgumentException("webhook limits too small: " + maxHeaderBytes + " header bytes, "
                        + maxBodyBytes + " body bytes, " + maxConnections + " connections, " + threads
                        + " threads (at least 4), " + queuedUpdates + " queued updates");
            }
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("webhook " + name + " must be positive (was " + value + ")");
            }
        }
    }

    private final TelegramConnection connection;
    private final URI publicUrl;
    private final InetSocketAddress listen;
    private final byte[] secret;
    private final UpdateOffsetStore offsets;
    private final IncomingHandler handler;
    private final Clock clock;
    private final Limits limits;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The close each open connection gets at its request deadline, until its request has arrived. */
    private final Map<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();
    private Server server;
    private ServerConnector connector;
    private ThreadPoolExecutor updates;
    private volatile Instant lastUpdate;

    /**
     * @param publicUrl the URL Telegram posts to; its path is the path served here
     * @param listen    the local address and port to listen on
     * @param secret    the secret token: 1–256 of {@code A-Z a-z 0-9 _ -}, as Telegram allows
     */
    public WebhookIntake(TelegramConnection connection, URI publicUrl, InetSocketAddress listen, String secret,
                         UpdateOffsetStore offsets, IncomingHandler handler, Clock clock) {
        this(connection, publicUrl, listen, secret, offsets, handler, clock, Limits.DEFAULT);
    }

    public WebhookIntake(TelegramConnection connection, URI publicUrl, InetSocketAddress listen, String secret,
                         UpdateOffsetStore offsets, IncomingHandler handler, Clock clock, Limits limits) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.listen = Objects.requireNonNull(listen, "listen");
        this.secret = checkSecret(secret).getBytes(StandardCharsets.UTF_8);
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Whether {@code secret} is a token Telegram accepts. */
    public static boolean isValidSecret(String secret) {
        return secret != null && secret.matches("[A-Za-z0-9_-]{1,256}");
    }

    private static String checkSecret(String secret) {
        if (!isValidSecret(secret)) {
            throw new IllegalArgumentException("the webhook secret (MOJAZ_TELEGRAM_WEBHOOK_SECRET) must be 1-256 of"
                    + " A-Z a-z 0-9 _ and -");
        }
        return secret;
    }

    /** Starts serving, then tells Telegram where to post (setWebhook with the secret token). */
    public synchronized void start() throws IOException, TelegramException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        updates = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queuedUpdates()), DaemonThreads.named("mojaz-webhook"));
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 2);
        threads.setName("mojaz-webhook-http");
        threads.setDaemon(true);
        server = new Server(threads, new ScheduledExecutorScheduler("mojaz-webhook-deadlines", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(listen.getHostString());
        connector.setPort(listen.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(new RequestDeadlines());
        server.addConnector(connector);
        NetworkConnectionLimit connectionLimit = new NetworkConnectionLimit(limits.maxConnections(), server);
        connectionLimit.setEndPointIdleTimeout(1000);
        server.addBean(connectionLimit);
        server.setHandler(new Hook());
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw e instanceof IOException io ? io : new IOException("could not start the webhook server on "
                    + listen + ": " + e.getMessage(), e);
        }
        try {
            connection.client().execute(SetWebhook.builder()
                    .url(publicUrl.toString())
                    .secretToken(new String(secret, StandardCharsets.UTF_8))
                    .allowedUpdates(UpdateParser.ALLOWED_UPDATES)
                    .maxConnections(1)
                    .dropPendingUpdates(false)
                    .build());
        } catch (TelegramApiException e) {
            throw new TelegramException(e);
        }
        log.info("receiving updates at {} (listening on {})", publicUrl, address());
    }

    /** The local address actually listened on (port 0 gives a free port). */
    public synchronized InetSocketAddress address() {
        if (connector == null || connector.getLocalPort() <= 0) {
            return listen;
        }
        return new InetSocketAddress(listen.getAddress(), connector.getLocalPort());
    }

    /** When an update last arrived with the right secret; empty before the first. */
    public Optional<Instant> lastUpdate() {
        return Optional.ofNullable(lastUpdate);
    }

    private String path() {
        String path = publicUrl.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Closes each connection that has not delivered its request by the deadline (a slow or stalled client). */
    private final class RequestDeadlines implements Connection.Listener {
        @Override
        public void onOpened(Connection opened) {
            deadlines.put(opened, connector.getScheduler().schedule(() -> {
                if (deadlines.remove(opened) != null) {
                    log.debug("closing {}: no complete request within {}", opened.getEndPoint().getRemoteSocketAddress(),
                            limits.requestDeadline());
                    opened.getEndPoint().close();
                }
            }, limits.requestDeadline()));
        }

        @Override
        public void onClosed(Connection closed) {
            arrived(closed);
        }
    }

    /** The request on {@code connection} has arrived (or the connection is gone): no deadline for it any more. */
    private void arrived(Connection connection) {
        Scheduler.Task deadline = deadlines.remove(connection);
        if (deadline != null) {
            deadline.cancel();
        }
    }

    /** Checks the head, then reads the body without holding a thread, then queues the update for the handler. */
    private final class Hook extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"POST".equals(request.getMethod()) || !path().equals(request.getHttpURI().getPath())) {
                answer(response, callback, 404);
                return true;
            }
            String given = request.getHeaders().get(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                answer(response, callback, 401);
                return true;
            }
            if (request.getLength() > limits.maxBodyBytes()) {
                answer(response, callback, 413);
                return true;
            }
            new BodyReader(request, response, callback).read();
            return true;
        }
    }

    /**
     * Reads a request's body as it arrives, chunk by chunk, without holding a thread while the client is slow, and
     * stops as soon as it passes the cap (a chunked body declares no length).
     */
    private final class BodyReader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void read() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read); // called again when more arrives
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    arrived(request.getConnectionMetaData().getConnection());
                    log.debug("a webhook post's body could not be read: {}", String.valueOf(chunk.getFailure()));
                    answer(response, callback, 400);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean tooLong = body.size() + bytes.remaining() > limits.maxBodyBytes();
                if (!tooLong) {
                    byte[] part = new byte[bytes.remaining()];
                    bytes.get(part);
                    body.writeBytes(part);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (tooLong || last) {
                    arrived(request.getConnectionMetaData().getConnection());
                    if (tooLong) {
                        answer(response, callback, 413);
                    } else {
                        queue(body.toByteArray(), response, callback);
                    }
                    return;
                }
            }
        }
    }

    private void queue(byte[] body, Response response, Callback callback) {
        try {
            updates.execute(() -> answer(response, callback, receive(body)));
        } catch (RejectedExecutionException e) {
            answer(response, callback, 503); // stopping, or too many waiting: Telegram sends it again
        }
    }

    /** Reads and handles one update; the HTTP status to answer. */
    private int receive(byte[] body) {
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            log.warn("a webhook post was not an update: {}", e.getMessage());
            return 400;
        }
        lastUpdate = clock.instant();
        return handle(update);
    }

    /** Handles one update: 200 once it is handled (or was before, or cannot be read), 503 when it must come again. */
    private int handle(Update update) {
        if (update.getUpdateId() == null) {
            return 200;
        }
        long id = update.getUpdateId();
        Optional<Incoming> incoming;
        try {
            if (offsets.wasHandled(id)) {
                return 200; // Telegram sent it again (our answer was lost): it was handled
            }
            incoming = UpdateParser.parse(update);
        } catch (RuntimeException | StackOverflowError e) {
            return cannotHandleNow(id, e);
        }
        try {
            if (incoming.isPresent()) {
                handler.handle(incoming.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503; // stopping: Telegram sends it again once the bot is back
        } catch (HandlingDeferred e) {
            return cannotHandleNow(id, e); // the database will take it later: Telegram sends it again
        } catch (RuntimeException | StackOverflowError e) {
            // a fault in this one update would happen again: acknowledged, so that it does not come back for a day
            log.error("update {} could not be handled; going on with the next", id, e);
        }
        // Not offsets.handled(id): that advances the low-water mark past every earlier update, and webhook requests
        // are handled concurrently, so an earlier one may still be in hand (or answered 503 and coming again). The
        // handler records each update in its own turn's transaction; wasHandled above finds it there.
        return 200;
    }

    private static int cannotHandleNow(long id, Throwable e) {
        log.warn("update {} could not be handled now; answered 503, Telegram sends it again: {}", id, e.toString());
        return 503;
    }

    private static void answer(Response response, Callback callback, int status) {
        byte[] body = (status == 200 ? "{\"ok\":true}" : "{\"ok\":false}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Stops serving, lets the update in hand finish (up to a second's grace), then stops the handler's thread. The
     * webhook stays set: Telegram keeps the updates that arrive meanwhile and posts them once the bot is back.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("the webhook server did not stop cleanly: {}", e.toString());
            }
        }
        if (updates != null) {
            updates.shutdown();
            try {
                if (!updates.awaitTermination(1, TimeUnit.SECONDS)) {
                    updates.shutdownNow();
                    updates.awaitTermination(connection.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                updates.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
