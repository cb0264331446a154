package dev.mojaz.ingest.http;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A successful answer: 2xx with its body, or 304 Not Modified to a conditional request.
 *
 * @param url          the URL that was asked for
 * @param finalUrl     where the body came from, after redirects
 * @param status       the HTTP status of the last hop
 * @param body         the body, decompressed, at most {@code fetch.max-body-bytes}; empty for 304. Shared, not
 *                     copied: do not modify it
 * @param contentType  the Content-Type header, or null
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param fetched      when it was fetched (by the injected clock)
 * @param fromCache    whether it came from the in-memory page cache
 */
public record FetchResponse(
        URI url,
        URI finalUrl,
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Instant fetched,
        boolean fromCache) {

    public FetchResponse {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(fetched, "fetched");
    }

    /** The server said the resource has not changed since the validators sent. */
    public boolean notModified() {
        return status == 304;
    }

    /** The same response, marked as served from the cache. */
    FetchResponse asCached() {
        return new FetchResponse(url, finalUrl, status, body, contentType, etag, lastModified, fetched, true);
    }
}
