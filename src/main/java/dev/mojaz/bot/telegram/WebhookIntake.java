package dev.mojaz.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.IncomingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * updates in the name of any person. This small server (the JDK's, on one thread) checks the header in constant time
 * and refuses anything else with 401; the {@link Update} type, its JSON reading and setWebhook are TelegramBots'.
 *
 * <p>Order and "at least once, never twice": setWebhook asks for one connection at a time, updates are handled one
 * by one, an update whose id is not above the last handled one is acknowledged without being handled again, and an
 * update that could not be handled because the bot is stopping is answered 503, which makes Telegram send it again
 * later.
 */
public final class WebhookIntake implements AutoCloseable {
    /** The header Telegram sends the secret token in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final int MAX_BODY = 1 << 20;

    private final TelegramConnection connection;
    private final URI publicUrl;
    private final InetSocketAddress listen;
    private final byte[] secret;
    private final UpdateOffsetStore offsets;
    private final IncomingHandler handler;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private HttpServer server;
    private ExecutorService thread;
    private volatile Instant lastUpdate;

    /**
     * @param publicUrl the URL Telegram posts to; its path is the path served here
     * @param listen    the local address and port to listen on
     * @param secret    the secret token: 1–256 of {@code A-Z a-z 0-9 _ -}, as Telegram allows
     */
    public WebhookIntake(TelegramConnection connection, URI publicUrl, InetSocketAddress listen, String secret,
                         UpdateOffsetStore offsets, IncomingHandler handler, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.listen = Objects.requireNonNull(listen, "listen");
        this.secret = checkSecret(secret).getBytes(StandardCharsets.UTF_8);
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
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
    public synchronized void start() throws IOException, TelegramApiException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "mojaz-webhook");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(listen, 16);
        server.createContext(path(), this::serve);
        server.setExecutor(thread);
        server.start();
        connection.client().execute(SetWebhook.builder()
                .url(publicUrl.toString())
                .secretToken(new String(secret, StandardCharsets.UTF_8))
                .allowedUpdates(UpdateParser.ALLOWED_UPDATES)
                .maxConnections(1)
                .dropPendingUpdates(false)
                .build());
        log.info("receiving updates at {} (listening on {})", publicUrl, server.getAddress());
    }

    /** The local address actually listened on (port 0 gives a free port). */
    public synchronized InetSocketAddress address() {
        return server == null ? listen : server.getAddress();
    }

    /** When an update last arrived with the right secret; empty before the first. */
    public Optional<Instant> lastUpdate() {
        return Optional.ofNullable(lastUpdate);
    }

    private String path() {
        String path = publicUrl.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST") || !exchange.getRequestURI().getPath().equals(path())) {
                respond(exchange, 404);
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 401);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY);
            }
            Update update;
            try {
                update = json.readValue(body, Update.class);
            } catch (IOException e) {
                log.warn("a webhook post was not an update: {}", e.getMessage());
                respond(exchange, 400);
                return;
            }
            lastUpdate = clock.instant();
            respond(exchange, handle(update) ? 200 : 503);
        }
    }

    /** Handles one update; false when it must come again (the bot is stopping). */
    private boolean handle(Update update) {
        if (update.getUpdateId() == null) {
            return true;
        }
        long id = update.getUpdateId();
        if (id <= offsets.lastHandled()) {
            return true; // Telegram sent it again (our answer was lost): it was handled
        }
        try {
            Optional<Incoming> incoming = UpdateParser.parse(update);
            if (incoming.isPresent()) {
                handler.handle(incoming.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            log.error("update {} could not be handled; going on with the next", id, e);
        }
        try {
            offsets.handled(id);
        } catch (RuntimeException e) {
            log.error("could not record update {} as handled", id, e);
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        byte[] body = (status == 200 ? "{\"ok\":true}" : "{\"ok\":false}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * Stops serving (the update in hand finishes first, up to a second's grace) and stops the thread. The webhook
     * stays set: Telegram keeps the updates that arrive meanwhile and posts them once the bot is back.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
        }
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(connection.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
