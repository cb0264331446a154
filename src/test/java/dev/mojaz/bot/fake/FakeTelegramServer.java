package dev.mojaz.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Telegram Bot API server for tests, on 127.0.0.1, speaking the real protocol ({@code POST /bot<token>/<method>}
 * with a JSON body, answers {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,"description":…,
 * "parameters":…}} with the same HTTP status) to the real TelegramBots client.
 *
 * <p>It implements getMe, deleteWebhook, getUpdates (long poll honouring {@code timeout}, {@code offset},
 * {@code limit} and {@code allowed_updates}; a newer poll ends an older one with 409 as Telegram does),
 * sendMessage (HTML parse mode checked, length counted as Telegram counts it), editMessageText,
 * answerCallbackQuery, setMyCommands, getMyCommands and deleteMyCommands, getChatMember (statuses set with
 * {@link #memberStatus}), and getFile with the file endpoint for documents pushed with {@link #sendDocument}. It records what the bot sent, with
 * ways to await it without sleeping; lets tests push updates from private chats, groups and channels; injects
 * faults once or per chat; and applies flood limits ({@link RateRules}) against an injectable clock, counting
 * violations.
 */
public final class FakeTelegramServer implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-fake_token";
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)/?");
    private static final Pattern FILE_PATH = Pattern.compile("/file/bot([^/]+)/(.+)");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s<>\"«»]+");
    private static final Pattern COMMAND_AT_START = Pattern.compile("^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?");
    /**
     * How long the awaits wait for their condition before failing, unless the builder says otherwise. Generous,
     * because it only costs time when a test fails: on a loaded machine a bot can take many seconds to answer.
     */
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final int MESSAGE_LIMIT = 4096;
    private static final long BOT_ID = 777000111L;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits ~40 ms for the
        // client's delayed ACK. Read once, when the first JDK HttpServer in this JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final String token;
    private final String botUsername;
    private final Clock clock;
    private final RateRules rules;
    private final Duration patience;
    private final HttpServer http;
    private final ExecutorService threads;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    // all guarded by lock
    private final List<ObjectNode> pendingUpdates = new ArrayList<>();
    private int nextUpdateId = 500_000;
    private int pollGeneration;
    private int waitingPolls;
    private final List<Call> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Map<Long, Map<Integer, SentMessage>> messages = new HashMap<>();
    private final Map<Long, Integer> lastMessageId = new HashMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final Map<String, Boolean> callbackQueries = new HashMap<>();
    private final Map<String, JsonNode> commandMenus = new LinkedHashMap<>();
    private final List<Rule> faults = new ArrayList<>();
    private final Map<Long, Fault> chatStates = new HashMap<>();
    private final Map<Long, FakeChat> knownChats = new HashMap<>();
    private final SlidingWindow global;
    private final Map<Long, SlidingWindow> perChat = new HashMap<>();
    private final Map<Long, SlidingWindow> perGroup = new HashMap<>();
    private final Map<Long, Integer> violationsByChat = new HashMap<>();
    private int violations;
    /** Deliver this many more messages, then hold sendMessage requests; -1 when not holding. */
    private int holdAfter = -1;
    private int held;
    private long holdGeneration;
    private final AtomicInteger callbackIds = new AtomicInteger(1000);
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> memberStatus = new HashMap<>();
    /** Each discussion group's linked channel, for getChat. */
    private final Map<Long, Long> linkedChannels = new HashMap<>();

    /** One request as it arrived. */
    public record Call(String method, JsonNode params, int status, Instant at) {
    }

    /** A message the bot sent. {@code text} is what it sent; {@code visibleText} what Telegram would show. */
    public record SentMessage(long chatId, int messageId, String text, String parseMode, String visibleText,
                              JsonNode replyMarkup, boolean previewDisabled, Instant at) {
        /** The callback data of every button, row by row. */
        public List<String> buttonData() {
            List<String> data = new ArrayList<>();
            if (replyMarkup != null) {
                replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(b -> {
                    if (b.has("callback_data")) {
                        data.add(b.get("callback_data").asText());
                    }
                }));
            }
            return data;
        }

        /** The label of every button, row by row. */
        public List<String> buttonLabels() {
            List<String> labels = new ArrayList<>();
            if (replyMarkup != null) {
                replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
            }
            return labels;
        }
    }

    /** An editMessageText that succeeded. */
    public record Edit(long chatId, int messageId, String text, String visibleText, JsonNode replyMarkup) {
    }

    /** An answerCallbackQuery that succeeded. */
    public record Answer(String callbackQueryId, String text, boolean showAlert) {
    }

    private record Rule(String method, Long chatId, Fault fault) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with the default token, no flood limits and the system clock. */
    public static FakeTelegramServer start() {
        return builder().start();
    }

    public static final class Builder {
        private String token = TOKEN;
        private String botUsername = "MojazTestBot";
        private Clock clock = Clock.systemUTC();
        private RateRules rules = RateRules.none();
        private Duration patience = AWAIT;

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder botUsername(String value) {
            this.botUsername = value;
            return this;
        }

        /** The clock flood limits are measured against (a test's fake clock, for exact, repeatable limits). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * How long the awaits wait (60 s unless set): more for a bot in a process of its own, which starts a cold JVM
         * that a loaded machine can take a minute or more to warm up.
         */
        public Builder patience(Duration value) {
            this.patience = value;
            return this;
        }

        public Builder rateRules(RateRules value) {
            this.rules = value;
            return this;
        }

        public FakeTelegramServer start() {
            try {
                return new FakeTelegramServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake Telegram server", e);
            }
        }
    }

    private FakeTelegramServer(Builder b) throws IOException {
        this.token = b.token;
        this.botUsername = b.botUsername;
        this.clock = b.clock;
        this.rules = b.rules;
        this.patience = b.patience;
        this.global = new SlidingWindow(rules.perSecond(), TimeUnit.SECONDS.toNanos(1));
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(threads);
        http.createContext("/", this::serve);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** What {@code telegram.api-url} should be to reach this server. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public String token() {
        return token;
    }

    public String botUsername() {
        return botUsername;
    }

    // ---------------------------------------------------------------------------------------------------------
    // pushing updates

    /** A text message from {@code from} in {@code chat}; Telegram's bot_command and url entities are added. */
    public int sendText(FakeChat chat, FakeUser from, String text) {
        ObjectNode message = message(chat, text);
        message.set("from", user(from));
        return push("message", message);
    }

    /**
     * A message an anonymous group admin sends: Telegram gives it the service user GroupAnonymousBot as author
     * and the group itself as sender_chat.
     */
    public int sendAsChat(FakeChat chat, String text) {
        ObjectNode message = message(chat, text);
        message.set("from", user(new FakeUser(1087968824L, "Group", "GroupAnonymousBot", null)).put("is_bot", true));
        message.set("sender_chat", chat(chat));
        return push("message", message);
    }

    /**
     * A message a member sends in {@code chat} as {@code channel} (a channel they own, or the group's linked channel
     * if they administer it): Telegram gives it the service user Channel_Bot as author and the channel as
     * sender_chat.
     */
    public int sendAsChannel(FakeChat chat, FakeChat channel, String text) {
        ObjectNode message = message(chat, text);
        message.set("from", user(new FakeUser(136817688L, "Channel", "Channel_Bot", null)).put("is_bot", true));
        message.set("sender_chat", chat(channel));
        return push("message", message);
    }

    /**
     * A post of {@code channel} that Telegram copies into its discussion group {@code group}: from the service user
     * Telegram, with the channel as sender_chat and is_automatic_forward set.
     */
    public int automaticForward(FakeChat group, FakeChat channel, String text) {
        ObjectNode message = message(group, text);
        message.set("from", user(new FakeUser(777000L, "Telegram", null, null)));
        message.set("sender_chat", chat(channel));
        message.put("is_automatic_forward", true);
        ObjectNode forwardOrigin = message.putObject("forward_origin");
        forwardOrigin.put("type", "channel").put("date", epochSeconds()).put("message_id", 1);
        forwardOrigin.set("chat", chat(channel));
        return push("message", message);
    }

    /** A message forwarded into {@code chat} by {@code from}. */
    public int forward(FakeChat chat, FakeUser from, String text, FakeChat origin) {
        ObjectNode message = message(chat, text);
        message.set("from", user(from));
        ObjectNode forwardOrigin = message.putObject("forward_origin");
        forwardOrigin.put("type", "channel").put("date", epochSeconds()).put("message_id", 1);
        forwardOrigin.set("chat", chat(origin));
        return push("message", message);
    }

    /**
     * A file sent as a document by {@code from} in {@code chat}, with {@code caption} (which may be a command);
     * the bot can fetch its bytes with getFile and the file endpoint.
     */
    public int sendDocument(FakeChat chat, FakeUser from, String fileName, byte[] bytes, String caption) {
        String fileId = "file-" + callbackIds.incrementAndGet();
        lock.lock();
        try {
            files.put(fileId, bytes.clone());
        } finally {
            lock.unlock();
        }
        ObjectNode message = message(chat, caption);
        message.remove("text");
        if (message.has("entities")) {
            message.set("caption_entities", message.remove("entities"));
        }
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        message.set("from", user(from));
        message.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("file_name", fileName).put("mime_type", "text/x-opml").put("file_size", bytes.length);
        return push("message", message);
    }

    /** What getChatMember answers for {@code userId} in {@code chatId} (member, administrator, creator…). */
    public FakeTelegramServer memberStatus(long chatId, long userId, String status) {
        lock.lock();
        try {
            memberStatus.put(chatId + ":" + userId, status);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Makes {@code channel} the channel linked to {@code group} (what getChat answers as linked_chat_id). */
    public FakeTelegramServer linkedChannel(FakeChat group, FakeChat channel) {
        lock.lock();
        try {
            linkedChannels.put(group.id(), channel.id());
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** A post in a channel (no author; the channel itself is the sender). */
    public int postInChannel(FakeChat channel, String text) {
        ObjectNode message = message(channel, text);
        message.set("sender_chat", chat(channel));
        return push("channel_post", message);
    }

    /** A press on a button with {@code data} under the bot's message {@code messageId} in {@code chat}. */
    public int pressButton(FakeChat chat, FakeUser from, int messageId, String data) {
        String id = String.valueOf(callbackIds.incrementAndGet());
        ObjectNode query = nodes.objectNode();
        query.put("id", id);
        query.set("from", user(from));
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId).put("date", epochSeconds());
        message.set("chat", chat(chat));
        message.set("from", botUser());
        lock.lock();
        try {
            SentMessage original = messages.getOrDefault(chat.id(), Map.of()).get(messageId);
            message.put("text", original == null ? "" : original.visibleText());
            callbackQueries.put(id, false);
        } finally {
            lock.unlock();
        }
        query.put("chat_instance", "ci" + chat.id());
        query.put("data", data);
        return push("callback_query", query);
    }

    /** The id of the most recent button press pushed, for answering it. */
    public String lastCallbackQueryId() {
        return String.valueOf(callbackIds.get());
    }

    /** The bot's own status in {@code chat} changed to {@code status} (member, administrator, kicked, left). */
    public int botStatusChanged(FakeChat chat, FakeUser by, String oldStatus, String newStatus) {
        ObjectNode change = nodes.objectNode();
        change.set("chat", chat(chat));
        change.set("from", user(by));
        change.put("date", epochSeconds());
        change.set("old_chat_member", member(oldStatus));
        change.set("new_chat_member", member(newStatus));
        return push("my_chat_member", change);
    }

    /** The service message a group shows when it becomes a supergroup with {@code newId}. */
    public int groupMigrated(FakeChat group, long newId) {
        ObjectNode message = nodes.objectNode();
        message.put("message_id", nextMessageId(group.id())).put("date", epochSeconds());
        message.set("chat", chat(group));
        message.put("migrate_to_chat_id", newId);
        return push("message", message);
    }

    /** Any update object (without update_id); returns the id given to it. */
    public int push(String kind, ObjectNode payload) {
        lock.lock();
        try {
            ObjectNode update = nodes.objectNode();
            int id = nextUpdateId++;
            update.put("update_id", id);
            update.set(kind, payload);
            pendingUpdates.add(update);
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Updates pushed and not yet confirmed by a later getUpdates offset. */
    public int unconfirmedUpdates() {
        lock.lock();
        try {
            return pendingUpdates.size();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // faults and chat states

    /** The next call of {@code method} (any chat) is answered with {@code fault}. */
    public FakeTelegramServer failNext(String method, Fault fault) {
        return addRule(new Rule(method.toLowerCase(Locale.ROOT), null, fault));
    }

    /** The next sendMessage or editMessageText to {@code chatId} is answered with {@code fault}. */
    public FakeTelegramServer failNextFor(long chatId, Fault fault) {
        return addRule(new Rule(null, chatId, fault));
    }

    /** From now on every message to {@code chatId} is answered with {@code fault} (blocked, kicked…). */
    public FakeTelegramServer chatState(long chatId, Fault fault) {
        lock.lock();
        try {
            chatStates.put(chatId, fault);
        } finally {
            lock.unlock();
        }
        return this;
    }

    public FakeTelegramServer blockedBy(long chatId) {
        return chatState(chatId, Fault.blocked());
    }

    public FakeTelegramServer migratedTo(long groupId, long supergroupId) {
        return chatState(groupId, Fault.migrated(supergroupId));
    }

    /**
     * Delivers {@code deliverFirst} more messages, then holds every further sendMessage: the request has arrived but
     * is neither delivered nor answered until {@link #dropHeldSends()}. The moment a bot is killed with requests on
     * the wire that Telegram never acted on.
     */
    public FakeTelegramServer holdSendsAfter(int deliverFirst) {
        lock.lock();
        try {
            holdAfter = sent.size() + deliverFirst;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Answers every held sendMessage with 502 without delivering it, and stops holding. */
    public void dropHeldSends() {
        lock.lock();
        try {
            holdAfter = -1;
            holdGeneration++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code count} sendMessage requests are held. */
    public void awaitHeldSends(int count) {
        awaitCondition(() -> held >= count, () -> "waited for " + count + " held sends, have " + held + " (delivered "
                + sent.size() + ", hold after " + holdAfter + ")");
    }

    private FakeTelegramServer addRule(Rule rule) {
        lock.lock();
        try {
            faults.add(rule);
        } finally {
            lock.unlock();
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------
    // what happened

    public List<SentMessage> sent() {
        return snapshot(sent);
    }

    public List<SentMessage> sentTo(long chatId) {
        return sent().stream().filter(m -> m.chatId() == chatId).toList();
    }

    public List<Call> calls() {
        return snapshot(calls);
    }

    public List<Call> calls(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(lower)).toList();
    }

    public List<Edit> edits() {
        return snapshot(edits);
    }

    public List<Answer> answers() {
        return snapshot(answers);
    }

    /** The commands set with setMyCommands for a scope ("default", "chat:42") and language ("" for none). */
    public List<String> commandNames(String scope, String languageCode) {
        JsonNode menu = commandMenu(scope, languageCode);
        List<String> names = new ArrayList<>();
        if (menu != null) {
            menu.forEach(c -> names.add(c.path("command").asText()));
        }
        return names;
    }

    /** The commands (with descriptions) set for a scope and language, or null if none were set. */
    public JsonNode commandMenu(String scope, String languageCode) {
        lock.lock();
        try {
            return commandMenus.get(scope + "|" + (languageCode == null ? "" : languageCode));
        } finally {
            lock.unlock();
        }
    }

    /** Messages that broke a flood limit (answered with 429 when enforcing, delivered otherwise). */
    public int violations() {
        lock.lock();
        try {
            return violations;
        } finally {
            lock.unlock();
        }
    }

    public int violationsFor(long chatId) {
        lock.lock();
        try {
            return violationsByChat.getOrDefault(chatId, 0);
        } finally {
            lock.unlock();
        }
    }

    /** Waits (without sleeping: until notified) for at least {@code count} sent messages, and returns them all. */
    public List<SentMessage> awaitSent(int count) {
        awaitCondition(() -> sent.size() >= count, () -> "waited for " + count + " sent messages, got " + sent.size()
                + ": " + sent.stream().map(SentMessage::visibleText).toList());
        return sent();
    }

    public List<SentMessage> awaitSentTo(long chatId, int count) {
        awaitCondition(() -> sent.stream().filter(m -> m.chatId() == chatId).count() >= count,
                () -> "waited for " + count + " messages to chat " + chatId + ", all sent: "
                        + sent.stream().map(m -> m.chatId() + ": " + m.visibleText()).toList());
        return sentTo(chatId);
    }

    public List<Call> awaitCalls(String method, int count) {
        String lower = method.toLowerCase(Locale.ROOT);
        awaitCondition(() -> calls.stream().filter(c -> c.method().equals(lower)).count() >= count,
                () -> "waited for " + count + " " + method + " calls; calls so far: "
                        + calls.stream().map(Call::method).toList());
        return calls(method);
    }

    public List<Edit> awaitEdits(int count) {
        awaitCondition(() -> edits.size() >= count, () -> "waited for " + count + " edits, got " + edits);
        return edits();
    }

    public List<Answer> awaitAnswers(int count) {
        awaitCondition(() -> answers.size() >= count, () -> "waited for " + count + " callback answers, got " + answers);
        return answers();
    }

    /** Waits until a getUpdates long poll is waiting for updates (the bot is polling). */
    public void awaitWaitingPoll() {
        awaitCondition(() -> waitingPolls > 0, () -> "no getUpdates is waiting");
    }

    /** Waits until the bot has confirmed (by a later getUpdates offset) every update pushed so far. */
    public void awaitAllUpdatesConfirmed() {
        awaitCondition(pendingUpdates::isEmpty, () -> "updates never confirmed: " + pendingUpdates);
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + patience.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(failure.get());
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        } finally {
            lock.unlock();
        }
    }

    private <T> List<T> snapshot(List<T> list) {
        lock.lock();
        try {
            return List.copyOf(list);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        http.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher file = FILE_PATH.matcher(exchange.getRequestURI().getPath());
            if (file.matches()) {
                serveFile(exchange, file.group(1), file.group(2));
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                reply(exchange, error(404, "Not Found", null));
                return;
            }
            if (!path.group(1).equals(token)) {
                reply(exchange, error(401, "Unauthorized", null));
                return;
            }
            String method = path.group(2).toLowerCase(Locale.ROOT);
            JsonNode params = params(exchange);
            Response response = answer(method, params);
            lock.lock();
            try {
                calls.add(new Call(method, params, response.status, clock.instant()));
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            reply(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            reply(exchange, error(500, "Internal Server Error: " + e, null));
        }
    }

    private record Response(int status, String body, boolean json) {
    }

    /** {@code GET /file/bot<token>/<file_path>}: the bytes of a file sent with {@link #sendDocument}. */
    private void serveFile(HttpExchange exchange, String fileToken, String filePath) throws IOException {
        byte[] bytes;
        lock.lock();
        try {
            bytes = fileToken.equals(token) ? files.get(filePath.replaceFirst("^documents/", "")) : null;
            calls.add(new Call("file", nodes.objectNode().put("path", filePath), bytes == null ? 404 : 200,
                    clock.instant()));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (bytes == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode params(HttpExchange exchange) throws IOException {
        ObjectNode params = nodes.objectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length > 0) {
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            String text = new String(body, StandardCharsets.UTF_8);
            if (type.contains("multipart/form-data")) {
                multipart(text, type, params);
            } else if (type.contains("json")) {
                JsonNode parsed = json.readTree(text);
                if (parsed instanceof ObjectNode object) {
                    params.setAll(object);
                }
            } else {
                form(text, params);
            }
        }
        return params;
    }

    /** Reads the text fields of a multipart/form-data body (setWebhook is sent that way, for its certificate). */
    private void multipart(String body, String contentType, ObjectNode into) throws IOException {
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!boundary.find()) {
            return;
        }
        for (String part : body.split("--" + Pattern.quote(boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            if (headersEnd < 0 || !name.find() || name.start() > headersEnd) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
            String trimmed = value.trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                into.set(name.group(1), json.readTree(trimmed));
            } else {
                into.put(name.group(1), value);
            }
        }
    }

    private void form(String encoded, ObjectNode into) throws IOException {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            String trimmed = value.trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                into.set(key, json.readTree(trimmed));
            } else {
                into.put(key, value);
            }
        }
    }

    private void reply(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.json ? "application/json" : "text/html");
        exchange.sendResponseHeaders(response.status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // methods

    private Response answer(String method, JsonNode params) throws InterruptedException {
        long chatId = params.path("chat_id").asLong(0);
        Fault fault = takeFault(method, chatId);
        if (fault != null) {
            if (!fault.delay().isZero()) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (!fault.onlyDelays()) {
                return faultResponse(fault);
            }
        }
        return switch (method) {
            case "getme" -> ok(botUser());
            case "deletewebhook", "setwebhook" -> ok(nodes.booleanNode(true));
            case "getwebhookinfo" -> ok(nodes.objectNode().put("url", "").put("pending_update_count", 0));
            case "getupdates" -> getUpdates(params);
            case "sendmessage" -> sendMessage(params);
            case "editmessagetext" -> editMessageText(params);
            case "answercallbackquery" -> answerCallbackQuery(params);
            case "setmycommands" -> setMyCommands(params);
            case "getmycommands" -> getMyCommands(params);
            case "deletemycommands" -> deleteMyCommands(params);
            case "getfile" -> getFile(params);
            case "getchatmember" -> getChatMember(params);
            case "getchat" -> getChat(params);
            default -> error(404, "Not Found: method not found", null);
        };
    }

    private Fault takeFault(String method, long chatId) {
        lock.lock();
        try {
            for (Iterator<Rule> it = faults.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                boolean methodMatches = rule.method() == null
                        ? method.equals("sendmessage") || method.equals("editmessagetext")
                        : rule.method().equals(method);
                if (methodMatches && (rule.chatId() == null || rule.chatId() == chatId)) {
                    it.remove();
                    return rule.fault();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private Response getUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(0, params.path("timeout").asInt(0)));
        List<String> allowed = new ArrayList<>();
        params.path("allowed_updates").forEach(a -> allowed.add(a.asText()));
        Predicate<ObjectNode> wanted = u -> allowed.isEmpty() || allowed.stream().anyMatch(u::has);
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            int generation = ++pollGeneration;
            changed.signalAll(); // an older poll still waiting ends with 409
            if (offset > 0) {
                pendingUpdates.removeIf(u -> u.get("update_id").asLong() < offset);
                changed.signalAll();
            }
            while (true) {
                if (closed) {
                    return ok(nodes.arrayNode());
                }
                if (generation != pollGeneration) {
                    return error(409, "Conflict: terminated by other getUpdates request; make sure that only one"
                            + " bot instance is running", null);
                }
                ArrayNode result = nodes.arrayNode();
                for (ObjectNode update : pendingUpdates) {
                    if (update.get("update_id").asLong() >= offset && wanted.test(update) && result.size() < limit) {
                        result.add(update.deepCopy());
                    }
                }
                long left = deadline - System.nanoTime();
                if (!result.isEmpty() || left <= 0) {
                    return ok(result);
                }
                waitingPolls++;
                changed.signalAll();
                try {
                    changed.awaitNanos(left);
                } finally {
                    waitingPolls--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Response sendMessage(JsonNode params) {
        if (!params.hasNonNull("chat_id")) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        long chatId = params.get("chat_id").asLong();
        Response refused = refuseForChat(chatId);
        if (refused != null) {
            return refused;
        }
        String text = params.path("text").asText("");
        String parseMode = params.path("parse_mode").asText("");
        String visible;
        if (parseMode.equalsIgnoreCase("HTML")) {
            try {
                visible = FakeHtml.parse(text);
            } catch (FakeHtml.ParseException e) {
                return error(400, "Bad Request: can't parse entities: " + e.getMessage(), null);
            }
        } else if (parseMode.isEmpty()) {
            visible = text;
        } else {
            return error(400, "Bad Request: unsupported parse_mode " + parseMode + " in this fake", null);
        }
        if (visible.isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        if (visible.strip().length() > MESSAGE_LIMIT) {
            return error(400, "Bad Request: message is too long", null);
        }
        Response badMarkup = checkMarkup(params.get("reply_markup"));
        if (badMarkup != null) {
            return badMarkup;
        }
        lock.lock();
        try {
            if (holdAfter >= 0 && sent.size() >= holdAfter) {
                long generation = holdGeneration;
                held++;
                changed.signalAll();
                try {
                    while (generation == holdGeneration && !closed) {
                        changed.awaitUninterruptibly();
                    }
                } finally {
                    held--;
                }
                return new Response(502, "<html><body>502 Bad Gateway (held, never delivered)</body></html>", false);
            }
            Response limited = applyRateRules(chatId);
            if (limited != null) {
                return limited;
            }
            int messageId = nextMessageId(chatId);
            boolean previewDisabled = params.path("link_preview_options").path("is_disabled").asBoolean(false)
                    || params.path("disable_web_page_preview").asBoolean(false);
            SentMessage message = new SentMessage(chatId, messageId, text, parseMode, visible,
                    params.get("reply_markup"), previewDisabled, clock.instant());
            sent.add(message);
            messages.computeIfAbsent(chatId, id -> new HashMap<>()).put(messageId, message);
            changed.signalAll();
            return ok(messageJson(chatId, messageId, visible));
        } finally {
            lock.unlock();
        }
    }

    private Response editMessageText(JsonNode params) {
        long chatId = params.path("chat_id").asLong(0);
        int messageId = params.path("message_id").asInt(0);
        Response refused = refuseForChat(chatId);
        if (refused != null) {
            return refused;
        }
        String text = params.path("text").asText("");
        String visible;
        try {
            visible = params.path("parse_mode").asText("").equalsIgnoreCase("HTML") ? FakeHtml.parse(text) : text;
        } catch (FakeHtml.ParseException e) {
            return error(400, "Bad Request: can't parse entities: " + e.getMessage(), null);
        }
        if (visible.isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        Response badMarkup = checkMarkup(params.get("reply_markup"));
        if (badMarkup != null) {
            return badMarkup;
        }
        lock.lock();
        try {
            SentMessage original = messages.getOrDefault(chatId, Map.of()).get(messageId);
            if (original == null) {
                return error(400, "Bad Request: message to edit not found", null);
            }
            JsonNode markup = params.get("reply_markup");
            if (original.visibleText().equals(visible) && Objects.equals(original.replyMarkup(), markup)) {
                return error(400, "Bad Request: message is not modified: specified new message content and reply"
                        + " markup are exactly the same as a current content and reply markup of the message", null);
            }
            SentMessage updated = new SentMessage(chatId, messageId, text, original.parseMode(), visible, markup,
                    original.previewDisabled(), original.at());
            messages.get(chatId).put(messageId, updated);
            edits.add(new Edit(chatId, messageId, text, visible, markup));
            changed.signalAll();
            return ok(messageJson(chatId, messageId, visible));
        } finally {
            lock.unlock();
        }
    }

    private Response answerCallbackQuery(JsonNode params) {
        String id = params.path("callback_query_id").asText("");
        lock.lock();
        try {
            Boolean answered = callbackQueries.get(id);
            if (answered == null || answered) {
                return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null);
            }
            String text = params.path("text").asText("");
            if (text.length() > 200) {
                return error(400, "Bad Request: MESSAGE_TOO_LONG", null);
            }
            callbackQueries.put(id, true);
            answers.add(new Answer(id, text, params.path("show_alert").asBoolean(false)));
            changed.signalAll();
            return ok(nodes.booleanNode(true));
        } finally {
            lock.unlock();
        }
    }

    private Response setMyCommands(JsonNode params) {
        JsonNode commands = params.path("commands");
        if (!commands.isArray() || commands.size() > 100) {
            return error(400, "Bad Request: commands must be a list of at most 100", null);
        }
        for (JsonNode c : commands) {
            if (!c.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                return error(400, "Bad Request: BOT_COMMAND_INVALID", null);
            }
            String description = c.path("description").asText("");
            if (description.isEmpty() || description.length() > 256) {
                return error(400, "Bad Request: command description must be 1-256 characters", null);
            }
        }
        lock.lock();
        try {
            commandMenus.put(scopeKey(params), commands.deepCopy());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return ok(nodes.booleanNode(true));
    }

    private Response getMyCommands(JsonNode params) {
        lock.lock();
        try {
            JsonNode menu = commandMenus.get(scopeKey(params));
            return ok(menu == null ? nodes.arrayNode() : menu.deepCopy());
        } finally {
            lock.unlock();
        }
    }

    private Response deleteMyCommands(JsonNode params) {
        lock.lock();
        try {
            commandMenus.remove(scopeKey(params));
        } finally {
            lock.unlock();
        }
        return ok(nodes.booleanNode(true));
    }

    private Response getFile(JsonNode params) {
        String fileId = params.path("file_id").asText("");
        lock.lock();
        try {
            byte[] bytes = files.get(fileId);
            if (bytes == null) {
                return error(400, "Bad Request: invalid file_id", null);
            }
            ObjectNode file = nodes.objectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                    .put("file_size", bytes.length).put("file_path", "documents/" + fileId);
            return ok(file);
        } finally {
            lock.unlock();
        }
    }

    private Response getChatMember(JsonNode params) {
        long chatId = params.path("chat_id").asLong(0);
        long userId = params.path("user_id").asLong(0);
        String status;
        lock.lock();
        try {
            status = memberStatus.getOrDefault(chatId + ":" + userId, "member");
        } finally {
            lock.unlock();
        }
        ObjectNode member = nodes.objectNode().put("status", status);
        member.set("user", user(new FakeUser(userId, "User", "user" + userId, null)));
        if (status.equals("administrator")) {
            member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", true)
                    .put("can_restrict_members", true).put("can_promote_members", false)
                    .put("can_change_info", true).put("can_invite_users", true).put("can_post_stories", false)
                    .put("can_edit_stories", false).put("can_delete_stories", false);
        } else if (status.equals("creator")) {
            member.put("is_anonymous", false);
        }
        return ok(member);
    }

    private Response getChat(JsonNode params) {
        long chatId = params.path("chat_id").asLong(0);
        FakeChat known;
        Long linked;
        lock.lock();
        try {
            known = knownChats.get(chatId);
            linked = linkedChannels.get(chatId);
        } finally {
            lock.unlock();
        }
        if (known == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        ObjectNode chat = chat(known).put("accent_color_id", 0).put("max_reaction_count", 11);
        if (linked != null) {
            chat.put("linked_chat_id", linked);
        }
        return ok(chat);
    }

    private static String scopeKey(JsonNode params) {
        JsonNode scope = params.path("scope");
        String type = scope.path("type").asText("default");
        String key = scope.has("chat_id") ? type + ":" + scope.get("chat_id").asText() : type;
        return key + "|" + params.path("language_code").asText("");
    }

    private Response refuseForChat(long chatId) {
        lock.lock();
        try {
            Fault state = chatStates.get(chatId);
            return state == null ? null : faultResponse(state);
        } finally {
            lock.unlock();
        }
    }

    private Response checkMarkup(JsonNode markup) {
        if (markup == null || markup.isNull()) {
            return null;
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText("").isEmpty()) {
                    return error(400, "Bad Request: text buttons are unallowed in the inline keyboard", null);
                }
                if (button.has("callback_data")) {
                    int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        return error(400, "Bad Request: BUTTON_DATA_INVALID", null);
                    }
                }
            }
        }
        return null;
    }

    /** Applies the flood limits to a message about to be delivered; called with the lock held. */
    private Response applyRateRules(long chatId) {
        long now = nanos(clock.instant());
        SlidingWindow chat = perChat.computeIfAbsent(chatId,
                id -> new SlidingWindow(rules.chatBurst(), rules.chatWindow().toNanos()));
        SlidingWindow group = chatId < 0 ? perGroup.computeIfAbsent(chatId,
                id -> new SlidingWindow(rules.groupPerMinute(), TimeUnit.MINUTES.toNanos(1))) : null;
        long wait = Math.max(global.nanosUntilAllowed(now), chat.nanosUntilAllowed(now));
        if (group != null) {
            wait = Math.max(wait, group.nanosUntilAllowed(now));
        }
        if (wait > 0) {
            violations++;
            violationsByChat.merge(chatId, 1, Integer::sum);
            if (rules.enforce()) {
                int seconds = (int) Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                return error(429, "Too Many Requests: retry after " + seconds,
                        nodes.objectNode().put("retry_after", seconds));
            }
        }
        global.record(now);
        chat.record(now);
        if (group != null) {
            group.record(now);
        }
        return null;
    }

    private Response faultResponse(Fault fault) {
        if (fault.notJson()) {
            return new Response(fault.status(), fault.description(), false);
        }
        ObjectNode parameters = null;
        if (fault.retryAfter() != null || fault.migrateTo() != null) {
            parameters = nodes.objectNode();
            if (fault.retryAfter() != null) {
                parameters.put("retry_after", fault.retryAfter());
            }
            if (fault.migrateTo() != null) {
                parameters.put("migrate_to_chat_id", fault.migrateTo());
            }
        }
        return error(fault.status(), fault.description(), parameters);
    }

    private Response ok(JsonNode result) {
        ObjectNode body = nodes.objectNode();
        body.put("ok", true);
        body.set("result", result);
        return new Response(200, body.toString(), true);
    }

    private Response error(int code, String description, ObjectNode parameters) {
        ObjectNode body = nodes.objectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        return new Response(code, body.toString(), true);
    }

    // ---------------------------------------------------------------------------------------------------------
    // JSON for updates and results

    private ObjectNode message(FakeChat chat, String text) {
        lock.lock();
        try {
            knownChats.put(chat.id(), chat);
        } finally {
            lock.unlock();
        }
        ObjectNode message = nodes.objectNode();
        message.put("message_id", nextMessageId(chat.id()));
        message.put("date", epochSeconds());
        message.set("chat", chat(chat));
        message.put("text", text);
        ArrayNode entities = nodes.arrayNode();
        Matcher command = COMMAND_AT_START.matcher(text);
        if (command.find()) {
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", command.end());
        }
        Matcher url = URL_IN_TEXT.matcher(text);
        while (url.find()) {
            entities.addObject().put("type", "url").put("offset", url.start()).put("length", url.end() - url.start());
        }
        if (!entities.isEmpty()) {
            message.set("entities", entities);
        }
        return message;
    }

    private ObjectNode messageJson(long chatId, int messageId, String visible) {
        ObjectNode message = nodes.objectNode();
        message.put("message_id", messageId);
        message.put("date", epochSeconds());
        FakeChat known;
        lock.lock();
        try {
            known = knownChats.get(chatId);
        } finally {
            lock.unlock();
        }
        message.set("chat", known != null ? chat(known) : nodes.objectNode().put("id", chatId)
                .put("type", chatId > 0 ? "private" : chatId < -1_000_000_000_000L ? "supergroup" : "group"));
        message.set("from", botUser());
        message.put("text", visible);
        return message;
    }

    private ObjectNode chat(FakeChat chat) {
        ObjectNode node = nodes.objectNode();
        node.put("id", chat.id());
        node.put("type", chat.type());
        if (chat.type().equals("private")) {
            node.put("first_name", chat.title());
        } else {
            node.put("title", chat.title());
        }
        return node;
    }

    private ObjectNode user(FakeUser user) {
        ObjectNode node = nodes.objectNode();
        node.put("id", user.id());
        node.put("is_bot", false);
        node.put("first_name", user.firstName());
        if (user.username() != null) {
            node.put("username", user.username());
        }
        if (user.languageCode() != null) {
            node.put("language_code", user.languageCode());
        }
        return node;
    }

    private ObjectNode botUser() {
        ObjectNode node = nodes.objectNode();
        node.put("id", BOT_ID);
        node.put("is_bot", true);
        node.put("first_name", "Mojaz");
        node.put("username", botUsername);
        node.put("can_join_groups", true);
        node.put("can_read_all_group_messages", false);
        node.put("supports_inline_queries", false);
        return node;
    }

    private ObjectNode member(String status) {
        ObjectNode node = nodes.objectNode();
        node.put("status", status);
        node.set("user", botUser());
        if (status.equals("kicked") || status.equals("restricted")) {
            node.put("until_date", 0);
        }
        return node;
    }

    private int nextMessageId(long chatId) {
        lock.lock();
        try {
            return lastMessageId.merge(chatId, 1, Integer::sum);
        } finally {
            lock.unlock();
        }
    }

    private long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private int epochSeconds() {
        return (int) clock.instant().getEpochSecond();
    }
}
