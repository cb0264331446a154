package dev.mojaz.ingest.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.Durations;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.FetchConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches URLs for the whole application with every limit of {@code fetch.*} applied.
 *
 * <p>Why OkHttp rather than {@code java.net.http.HttpClient}: OkHttp lets us supply the resolver ({@link
 * okhttp3.Dns}) and connects to exactly the addresses it returns, which is how the SSRF guard pins the address it
 * checked (the JDK client on Java 17 has no resolver hook); it has a per-call timeout that covers reading the body,
 * so a server trickling bytes forever is cut off; and it is already on the classpath through TelegramBots, whose
 * client can be derived from {@link #client()} so the application keeps one connection pool.
 *
 * <p>Per request: redirects are followed here, not by OkHttp, so every hop's host is checked; gzip and deflate are
 * decoded here under the body cap (we send Accept-Encoding ourselves, which turns OkHttp's transparent gzip off);
 * transient failures of these idempotent GETs are retried up to {@code fetch.max-retries} times, waiting what
 * Retry-After says (through the injected {@link Sleeper}) or an exponential back-off; attempts, redirects and
 * waits together stay within {@code fetch.total-timeout}. Successful page fetches are kept in a Caffeine cache
 * bounded by total body size and age.
 *
 * <p>Thread-safe; one instance serves every thread. {@link #close()} cancels every request in flight (a process
 * stopping must not wait for a site that trickles or never answers) and refuses new ones with {@link
 * FetchException.Kind#STOPPED}.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Duration FIRST_RETRY_WAIT = Duration.ofSeconds(1);
    private static final String ACCEPT_LANGUAGE = "ar, en;q=0.5";

    private final FetchConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The waits between attempts when the server names none: 1 s, 2 s, 4 s... up to {@code fetch.max-retry-wait}. */
    private final Backoff retries;
    private final GuardedDns dns;
    private final OkHttpClient client;
    /**
     * The same client (one pool, one set of threads) with a resolver that refuses nothing, for the hops a request
     * may take to a private address ({@link FetchRequest#onBehalfOf}). OkHttp keys pooled connections by address,
     * resolver included, so a connection opened through it is never reused by a guarded request.
     */
    private final OkHttpClient privateClient;
    private final Cache<URI, FetchResponse> cache;
    /** The calls on the wire, for {@link #close()} to cancel. */
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** The production fetcher: system resolver, real waits, the guard {@code fetch.allow-private-addresses} asks for. */
    public HttpFetcher(FetchConfig config, Clock clock) {
        this(config, clock, AddressGuard.forConfig(config.allowPrivateAddresses()), HostResolver.system(),
                Sleeper.system(clock));
    }

    public HttpFetcher(FetchConfig config, Clock clock, AddressGuard guard, HostResolver resolver, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retries = new Backoff(FIRST_RETRY_WAIT, config.maxRetryWait(), config.maxRetries() + 1);
        this.dns = new GuardedDns(guard, resolver);
        this.client = new OkHttpClient.Builder()
                .dns(dns)
                // A proxy would resolve the name itself, out of the guard's reach.
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.totalTimeout())
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .build();
        this.privateClient = client.newBuilder().dns(new GuardedDns(AddressGuard.allowingAll(), resolver)).build();
        this.cache = config.cacheMaxBytes() == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(config.cacheMaxBytes())
                .weigher((URI url, FetchResponse response) -> response.body().length + 512)
                .expireAfterWrite(config.cacheTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * The shared OkHttp client (guarded resolver, no proxy, no automatic redirects). Other parts that need their own
     * settings derive from it with {@code client().newBuilder()}, which keeps its connection pool and threads.
     */
    public OkHttpClient client() {
        return client;
    }

    /**
     * Fetches {@code request}, retrying transient failures, all within {@code fetch.total-timeout}: every attempt,
     * redirect and wait before a retry counts against that one deadline, so a page that trickles, hangs or answers
     * 503 with Retry-After costs at most that long, however many retries are allowed.
     *
     * @return a 2xx answer with its body, or a 304 answer to a conditional request
     * @throws FetchException for anything else, with a one-line message naming the URL and the problem
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException {
        if (closed) {
            throw stopped(request.url(), null);
        }
        if (request.cacheable() && cache != null) {
            FetchResponse cached = cache.getIfPresent(request.url());
            if (cached != null) {
                return cached.asCached();
            }
        }
        long started = System.nanoTime();
        long total = config.totalTimeout().toNanos();
        long waited = 0;
        for (int attempt = 0; ; attempt++) {
            // Time spent is what the clock says, or at least the waits asked for (a test's sleeper does not sleep).
            long left = total - Math.max(System.nanoTime() - started, waited);
            try {
                FetchResponse response = fetchOnce(request, left);
                if (request.cacheable() && cache != null && response.status() == 200) {
                    cache.put(request.url(), response);
                }
                return response;
            } catch (FetchException e) {
                if (!e.isTransient() || attempt >= config.maxRetries() || closed) {
                    throw e;
                }
                if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(config.maxRetryWait()) > 0) {
                    throw e; // the server wants longer than we wait in-line: the poller will come back later
                }
                Duration wait = e.retryAfter().orElse(retries.delay(attempt + 1));
                waited = Math.max(System.nanoTime() - started, waited) + wait.toNanos();
                if (waited >= total) {
                    throw e; // the retry could not finish within fetch.total-timeout: this failure is the answer
                }
                try {
                    sleeper.sleepUntil(clock.instant().plus(wait));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Forgets cached pages (tests, and the bot's "fetch it again"). */
    public void clearCache() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /**
     * One attempt: follows redirects by hand, checking each hop, all within {@code leftNanos} (what is left of
     * {@code fetch.total-timeout}).
     */
    private FetchResponse fetchOnce(FetchRequest request, long leftNanos) throws FetchException {
        URI original = request.url();
        HttpUrl url = toHttpUrl(original);
        Set<HttpUrl> seen = new HashSet<>();
        long deadline = System.nanoTime() + leftNanos;
        for (int redirects = 0; ; redirects++) {
            // Judged at every hop: a redirect from the source's own host to another one is guarded again.
            boolean mayBePrivate = request.mayReachPrivateAddressesOf(url.host());
            if (!mayBePrivate) {
                checkHost(original, url);
            }
            seen.add(url);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw timeout(original, null);
            }
            Call call = (mayBePrivate ? privateClient : client).newCall(build(request, url));
            call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
            inFlight.add(call);
            if (closed) {
                call.cancel(); // close() may have looked at the set before this call was in it
            }
            try (Response response = call.execute()) {
                int status = response.code();
                if (response.isRedirect() && status != 300) {
                    HttpUrl next = redirectTarget(original, url, response);
                    if (redirects + 1 > config.maxRedirects() || seen.contains(next)) {
                        String why = seen.contains(next) ? "redirect loop (back to " + next + ")"
                                : "more than " + config.maxRedirects() + " redirects (fetch.max-redirects)";
                        throw FetchException.of(FetchException.Kind.TOO_MANY_REDIRECTS, original, why);
                    }
                    url = next;
                    continue;
                }
                Instant now = clock.instant();
                if (status == 304 && request.isConditional()) {
                    return new FetchResponse(original, url.uri(), status, new byte[0], null,
                            response.header("ETag", request.etag()),
                            response.header("Last-Modified", request.lastModified()), now, false);
                }
                if (status < 200 || status > 299) {
                    throw statusError(original, url, response, now);
                }
                byte[] body;
                try {
                    body = readBody(original, response);
                } catch (IOException | FetchException e) {
                    // Hang up now: closing an unfinished response would otherwise drain the rest to reuse the
                    // connection, reading on past the limit we just enforced.
                    call.cancel();
                    throw e;
                }
                return new FetchResponse(original, url.uri(), status, body, response.header("Content-Type"),
                        response.header("ETag"), response.header("Last-Modified"), now, false);
            } catch (FetchException e) {
                throw e;
            } catch (IOException e) {
                throw closed ? stopped(original, e) : translate(original, url, e, System.nanoTime() - deadline >= 0);
            } finally {
                inFlight.remove(call);
            }
        }
    }

    private Request build(FetchRequest request, HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url).get()
                .header("User-Agent", config.userAgent())
                .header("Accept", request.purpose().accept())
                .header("Accept-Language", ACCEPT_LANGUAGE)
                // Set by us, so OkHttp does not decode transparently and BodyReader can cap the decompressed size.
                .header("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        return builder.build();
    }

    private static HttpUrl toHttpUrl(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.of(FetchException.Kind.BAD_URL, uri, "only http and https URLs can be fetched");
        }
        HttpUrl url = HttpUrl.parse(uri.toString());
        if (url == null) {
            throw FetchException.of(FetchException.Kind.BAD_URL, uri, "not a valid URL");
        }
        return url;
    }

    private void checkHost(URI original, HttpUrl url) throws FetchException {
        Optional<String> refusal = dns.checkLiteral(url.host());
        if (refusal.isPresent()) {
            throw FetchException.of(FetchException.Kind.BLOCKED, original, hop(original, url) + "refused: " + refusal.get());
        }
    }

    private static HttpUrl redirectTarget(URI original, HttpUrl url, Response response) throws FetchException {
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            throw new FetchException(FetchException.Kind.HTTP_STATUS, original,
                    hop(original, url) + "HTTP " + response.code() + " redirect without a Location", response.code(),
                    null, false, null);
        }
        HttpUrl next = url.resolve(location.strip());
        if (next == null) {
            throw FetchException.of(FetchException.Kind.BAD_URL, original,
                    hop(original, url) + "redirect to '" + location.strip() + "', which is not an http or https URL");
        }
        return next;
    }

    private FetchException statusError(URI original, HttpUrl url, Response response, Instant now) {
        int status = response.code();
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), now).orElse(null);
        boolean transientStatus = status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
        String reason = response.message() == null || response.message().isBlank() ? "" : " " + response.message();
        String wait = retryAfter == null ? "" : " (Retry-After " + Durations.format(retryAfter) + ")";
        return new FetchException(FetchException.Kind.HTTP_STATUS, original,
                hop(original, url) + "HTTP " + status + reason + wait, status, retryAfter, transientStatus, null);
    }

    private byte[] readBody(URI original, Response response) throws IOException, FetchException {
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        long declared = body.contentLength();
        String encoding = response.header("Content-Encoding");
        if (declared > config.maxBodyBytes() && encoding == null) {
            throw tooLarge(original, "declares " + declared + " bytes");
        }
        try {
            return BodyReader.read(body.byteStream(), encoding, config.maxBodyBytes());
        } catch (BodyReader.TooLarge e) {
            throw tooLarge(original, e.decompressed ? "decompresses to more bytes" : "sends more bytes");
        } catch (BodyReader.UnsupportedEncoding e) {
            throw FetchException.of(FetchException.Kind.UNREADABLE, original, e.getMessage());
        } catch (java.util.zip.ZipException e) {
            throw FetchException.of(FetchException.Kind.UNREADABLE, original,
                    "corrupt " + encoding + " body: " + e.getMessage());
        }
    }

    private FetchException tooLarge(URI original, String what) {
        return FetchException.of(FetchException.Kind.TOO_LARGE, original, "response " + what + " than the limit of "
                + config.maxBodyBytes() + " bytes (fetch.max-body-bytes); abandoned");
    }

    private FetchException translate(URI original, HttpUrl url, IOException e, boolean pastDeadline) {
        String at = hop(original, url);
        if (e instanceof BlockedAddressException) {
            return FetchException.of(FetchException.Kind.BLOCKED, original, at + "refused: " + e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.NETWORK, original, at + "unknown host " + url.host(), 0, null,
                    false, e);
        }
        if (pastDeadline || e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return timeout(original, url);
        }
        if (e instanceof SocketTimeoutException) {
            boolean connect = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
            String what = connect ? "could not connect within " + Durations.format(config.connectTimeout())
                    + " (fetch.connect-timeout)"
                    : "no data for " + Durations.format(config.readTimeout()) + " (fetch.read-timeout)";
            return new FetchException(FetchException.Kind.TIMEOUT, original, at + what, 0, null, true, e);
        }
        boolean refused = e instanceof ConnectException || e instanceof NoRouteToHostException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FetchException(FetchException.Kind.NETWORK, original,
                at + (refused ? "connection failed: " : "network error: ") + message, 0, null, true, e);
    }

    private FetchException timeout(URI original, HttpUrl url) {
        return new FetchException(FetchException.Kind.TIMEOUT, original, (url == null ? "" : hop(original, url))
                + "not complete after " + Durations.format(config.totalTimeout()) + " (fetch.total-timeout)", 0, null,
                false, null);
    }

    private static FetchException stopped(URI original, IOException cause) {
        return new FetchException(FetchException.Kind.STOPPED, original, "cancelled: Mojaz is stopping", 0, null,
                false, cause);
    }

    /** "after redirect to X: " when the failing hop is not the URL asked for. */
    private static String hop(URI original, HttpUrl url) {
        return url.uri().equals(original) || url.toString().equals(original.toString()) ? ""
                : "after redirect to " + url + ": ";
    }

    /**
     * Cancels every request in flight (their threads get {@link FetchException.Kind#STOPPED} at once, instead of
     * waiting out a hanging site's timeouts), refuses new ones, and releases the threads and connections.
     */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(Call::cancel);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
