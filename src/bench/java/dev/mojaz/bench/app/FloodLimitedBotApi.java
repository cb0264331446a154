package dev.mojaz.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the Bot API for the benchmark (getMe, sendMessage, and a polite yes to anything else), on 127.0.0.1,
 * with Telegram's flood limits enforced as sliding windows over the moment each request arrives: at most
 * {@code perSecond} messages in any second, at most one message to a chat in any {@code chatInterval}. A message over
 * a limit is answered 429 with {@code retry_after} and is not delivered, as Telegram does; every accepted message's
 * arrival time is kept, to measure the rate the bot really achieved.
 */
public final class FloodLimitedBotApi implements AutoCloseable {
    private final int perSecond;
    private final long chatIntervalNanos;
    private final LoopbackServer server;
    private final ObjectMapper json = new ObjectMapper();

    // guarded by this
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final Map<Long, Long> lastToChat = new HashMap<>();
    private final List<Long> accepted = new ArrayList<>();
    private int tooManyRequests;

    public FloodLimitedBotApi(int perSecond, long chatIntervalNanos) throws IOException {
        this.perSecond = perSecond;
        this.chatIntervalNanos = chatIntervalNanos;
        this.server = new LoopbackServer("bench-bot-api", this::serve);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** Arrival times (System.nanoTime) of the accepted messages, in order. */
    public synchronized List<Long> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized int tooManyRequests() {
        return tooManyRequests;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String answer;
            int status = 200;
            switch (method) {
                case "getme" -> answer = "{\"ok\":true,\"result\":{\"id\":777,\"is_bot\":true,\"first_name\":\"Mojaz\","
                        + "\"username\":\"MojazBenchBot\"}}";
                case "sendmessage" -> {
                    JsonNode params = json.readTree(body);
                    long chatId = params.path("chat_id").asLong();
                    long wait = admit(chatId, System.nanoTime());
                    if (wait > 0) {
                        status = 429;
                        long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                        answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                                + seconds + "\",\"parameters\":{\"retry_after\":" + seconds + "}}";
                    } else {
                        answer = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":" + (System.currentTimeMillis() / 1000) + ",\"chat\":{\"id\":" + chatId
                                + ",\"type\":\"private\"},\"text\":\"ok\"}}";
                    }
                }
                default -> answer = "{\"ok\":true,\"result\":true}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Records the message and returns 0 if it is within the limits, else how long until it would be. */
    private synchronized long admit(long chatId, long now) {
        while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= now - 1_000_000_000L) {
            lastSecond.removeFirst();
        }
        long wait = lastSecond.size() < perSecond ? 0 : lastSecond.peekFirst() + 1_000_000_000L - now;
        Long previous = lastToChat.get(chatId);
        if (previous != null && now - previous < chatIntervalNanos) {
            wait = Math.max(wait, previous + chatIntervalNanos - now);
        }
        if (wait > 0) {
            tooManyRequests++;
            return wait;
        }
        lastSecond.addLast(now);
        lastToChat.put(chatId, now);
        accepted.add(now);
        return 0;
    }

    @Override
    public void close() {
        server.close();
    }
}
