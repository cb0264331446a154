package dev.mojaz.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local web site for tests: MockWebServer on 127.0.0.1 (or another local address) answering by path (query
 * included), recording every request. Unknown paths are 404.
 */
public final class FixtureSite implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final InetAddress address;

    public FixtureSite() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** A site on another local address, such as 127.0.0.2 standing in for a public site behind an address guard. */
    public FixtureSite(InetAddress address) throws IOException {
        this.address = address;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.add(request);
                Function<RecordedRequest, MockResponse> route = routes.get(request.getPath());
                return route == null ? new MockResponse().setResponseCode(404).setStatus("HTTP/1.1 404 Not Found")
                        : route.apply(request);
            }
        });
        server.start(address, 0);
    }

    /** Serves {@code response} (made afresh for each request) at {@code path}. */
    public FixtureSite serve(String path, Supplier<MockResponse> response) {
        routes.put(path, request -> response.get());
        return this;
    }

    /** Serves what {@code handler} answers to each request at {@code path}. */
    public FixtureSite handle(String path, Function<RecordedRequest, MockResponse> handler) {
        routes.put(path, handler);
        return this;
    }

    public FixtureSite xml(String path, String body) {
        return serve(path, () -> new MockResponse().setHeader("Content-Type", "application/rss+xml; charset=utf-8").setBody(body));
    }

    public FixtureSite html(String path, String body) {
        return serve(path, () -> new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body));
    }

    public URI url(String path) {
        return URI.create(base() + path);
    }

    /** "http://127.0.0.1:PORT", for writing feeds that link to this site. */
    public String base() {
        return "http://" + address.getHostAddress() + ":" + server.getPort();
    }

    public long requestsTo(String path) {
        return requests.stream().filter(r -> path.equals(r.getPath())).count();
    }

    public List<RecordedRequest> requestsFor(String path) {
        return requests.stream().filter(r -> path.equals(r.getPath())).toList();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
