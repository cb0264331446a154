package dev.mojaz.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.common.DaemonThreads;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot's connection to one Bot API server: the token, the server's address and the HTTP client, owned here
 * and closed here. OkHttp's dispatcher normally runs on non-daemon threads that linger for a minute; ours are
 * daemon threads, and {@link #close()} cancels every call in flight (a long poll included) and stops them, so
 * the JVM can exit at once.
 */
public final class TelegramConnection implements AutoCloseable {
    private final String token;
    private final TelegramUrl url;
    private final ExecutorService dispatcherThreads;
    private final OkHttpClient requests;
    private final Duration requestTimeout;
    private final Duration pollTimeout;
    private final TelegramClient client;

    /**
     * @param apiUrl         the server, {@code telegram.api-url}: scheme, host and port only (TelegramBots
     *                       cannot put a path before {@code /bot<token>/})
     * @param token          the bot token, from {@code MOJAZ_TELEGRAM_TOKEN}
     * @param requestTimeout the longest one method call may take
     * @param pollTimeout    the getUpdates long-poll timeout; polling reads wait this long plus requestTimeout
     */
    public TelegramConnection(URI apiUrl, String token, Duration requestTimeout, Duration pollTimeout) {
        this.token = checkToken(token);
        this.url = toTelegramUrl(apiUrl);
        this.dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), DaemonThreads.numbered("mojaz-telegram-http"));
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        this.requests = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 60, TimeUnit.SECONDS))
                .connectTimeout(requestTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .callTimeout(requestTimeout)
                .retryOnConnectionFailure(false) // a POST retried by OkHttp could send a message twice
                .build();
        this.requestTimeout = requestTimeout;
        this.pollTimeout = pollTimeout;
        this.client = new OkHttpTelegramClient(new ObjectMapper(), requests, token, url);
    }

    /** The TelegramBots client for method calls. */
    public TelegramClient client() {
        return client;
    }

    public String token() {
        return token;
    }

    public TelegramUrl url() {
        return url;
    }

    /**
     * A separate HTTP client for long polling, with a read timeout longer than the poll and its own dispatcher
     * and connections, so that stopping the poll cancels nothing else. Its owner closes it.
     */
    OkHttpClient newPollingHttpClient() {
        return new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(dispatcherThreads))
                .connectionPool(new ConnectionPool(2, 60, TimeUnit.SECONDS))
                .connectTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .readTimeout(pollTimeout.plus(requestTimeout))
                .callTimeout(pollTimeout.plus(requestTimeout).plus(requestTimeout))
                .retryOnConnectionFailure(false)
                .build();
    }

    /**
     * Downloads a file Telegram holds ({@code file_path} from getFile) from this server's file endpoint,
     * {@code /file/bot<token>/<path>}. TelegramBots' own download always goes to api.telegram.org, whatever server
     * the client was made for, so the URL is built here.
     *
     * @throws FileDownloads.TooLarge past {@code maxBytes}
     */
    byte[] download(String filePath, long maxBytes) throws java.io.IOException {
        okhttp3.HttpUrl fileUrl = new okhttp3.HttpUrl.Builder()
                .scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("file").addPathSegment("bot" + token)
                .addPathSegments(filePath.startsWith("/") ? filePath.substring(1) : filePath)
                .build();
        try (okhttp3.Response response = requests.newCall(new okhttp3.Request.Builder().url(fileUrl).get().build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new java.io.IOException("downloading the file failed: HTTP " + response.code());
            }
            try (java.io.InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new dev.mojaz.bot.chat.FileDownloads.TooLarge("the file is larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        }
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    Duration pollTimeout() {
        return pollTimeout;
    }

    /** Cancels every call in flight, stops the HTTP threads and closes the connections. */
    @Override
    public void close() {
        requests.dispatcher().cancelAll();
        dispatcherThreads.shutdownNow();
        requests.connectionPool().evictAll();
    }

    static TelegramUrl toTelegramUrl(URI apiUrl) {
        Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("telegram.api-url must be an http or https URL (was '" + apiUrl + "')");
        }
        String path = apiUrl.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("telegram.api-url must be scheme, host and port only; a path ('"
                    + path + "') is not supported (was '" + apiUrl + "')");
        }
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    /**
     * The token, trimmed, when it has a bot token's form (the bot's numeric id, a colon, then letters, digits,
     * {@code -} and {@code _}, as @BotFather gives it, such as {@code 123456789:AAE…}); {@code run} checks it before
     * starting anything, so a pasted token with a space, quotes or a {@code bot} prefix is a configuration error.
     *
     * @throws IllegalArgumentException naming {@code MOJAZ_TELEGRAM_TOKEN}, without echoing the secret
     */
    public static String checkToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the bot token is empty: set MOJAZ_TELEGRAM_TOKEN");
        }
        String trimmed = token.trim();
        if (!trimmed.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("MOJAZ_TELEGRAM_TOKEN does not look like a bot token"
                    + " (digits, a colon, then letters, digits, - and _), as @BotFather gives it");
        }
        return trimmed;
    }
}
