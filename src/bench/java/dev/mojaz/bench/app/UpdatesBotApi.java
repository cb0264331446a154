package dev.mojaz.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of the Bot API for the reply-latency benchmark, on 127.0.0.1: getMe; getUpdates as Telegram answers
 * it (updates from the offset on, a long poll that waits for news up to its {@code timeout}, an update forgotten
 * once a later offset confirms it); sendMessage, recording when each message to each chat arrived; and a polite yes
 * to anything else. No flood limits: this benchmark measures waiting on the intake, not on Telegram.
 */
public final class UpdatesBotApi implements AutoCloseable {
    private final LoopbackServer server;
    private final ObjectMapper json = new ObjectMapper();

    // guarded by this
    private final List<ObjectNode> pending = new ArrayList<>();
    private final Map<Long, List<Long>> arrivals = new HashMap<>();
    private int nextUpdateId = 1;
    private int nextMessageId = 1;
    private boolean closed;

    public UpdatesBotApi() throws IOException {
        this.server = new LoopbackServer("bench-updates-api", this::serve);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /**
     * A person writes {@code text} in their private chat (whose id is their user id); a leading command and any
     * {@code http} link get the entities Telegram would give them. Returns when (System.nanoTime) it was sent.
     */
    public synchronized long send(long userId, String text) {
        ObjectNode update = json.createObjectNode();
        update.put("update_id", nextUpdateId++);
        ObjectNode message = update.putObject("message");
        message.put("message_id", nextMessageId++);
        message.put("date", System.currentTimeMillis() / 1000);
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "p" + userId);
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "p" + userId)
                .put("language_code", "ar");
        message.put("text", text);
        ArrayNode entities = message.putArray("entities");
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end);
        }
        int link = text.indexOf("http");
        if (link >= 0) {
            int end = text.indexOf(' ', link);
            entities.addObject().put("type", "url").put("offset", link)
                    .put("length", (end < 0 ? text.length() : end) - link);
        }
        pending.add(update);
        long sent = System.nanoTime();
        notifyAll();
        return sent;
    }

    /** When (System.nanoTime) each message to {@code chatId} arrived, in order. */
    public synchronized List<Long> arrivals(long chatId) {
        return List.copyOf(arrivals.getOrDefault(chatId, List.of()));
    }

    /** Waits up to {@code atMost} until {@code chatId} has received {@code count} messages; false if it has not. */
    public synchronized boolean awaitMessages(long chatId, int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long left;
        while (arrivals.getOrDefault(chatId, List.of()).size() < count && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return arrivals.getOrDefault(chatId, List.of()).size() >= count;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            JsonNode params;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                params = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            }
            String answer = switch (method) {
                case "getme" -> "{\"ok\":true,\"result\":{\"id\":777,\"is_bot\":true,\"first_name\":\"Mojaz\","
                        + "\"username\":\"MojazBenchBot\"}}";
                case "getupdates" -> getUpdates(params);
                case "sendmessage" -> sendMessage(params);
                default -> "{\"ok\":true,\"result\":true}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized String getUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(params.path("timeout").asInt(0));
        pending.removeIf(update -> update.get("update_id").asLong() < offset);
        long left;
        while (pending.isEmpty() && !closed && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            pending.removeIf(update -> update.get("update_id").asLong() < offset);
        }
        ObjectNode answer = json.createObjectNode().put("ok", true);
        ArrayNode result = answer.putArray("result");
        pending.stream().limit(limit).forEach(result::add);
        return answer.toString();
    }

    private synchronized String sendMessage(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        arrivals.computeIfAbsent(chatId, id -> new ArrayList<>()).add(System.nanoTime());
        notifyAll();
        return "{\"ok\":true,\"result\":{\"message_id\":" + nextMessageId++ + ",\"date\":"
                + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},"
                + "\"text\":\"ok\"}}";
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.close();
    }
}
