package dev.mojaz.ingest.feed;

import java.net.URI;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Resolves links as written in feeds and pages (relative, with spaces or raw Arabic) into absolute http(s) URIs,
 * leniently, the way a browser would: OkHttp's URL parser percent-encodes what needs it.
 */
public final class Links {
    private Links() {
    }

    /** {@code href} resolved against {@code base}; empty when it is not an http or https link. */
    public static Optional<URI> resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        String trimmed = href.strip();
        HttpUrl baseUrl = base == null ? null : HttpUrl.parse(base.toString());
        HttpUrl resolved = baseUrl != null ? baseUrl.resolve(trimmed) : HttpUrl.parse(trimmed);
        return Optional.ofNullable(resolved).map(HttpUrl::uri);
    }
}
