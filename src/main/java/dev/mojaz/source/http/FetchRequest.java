package dev.mojaz.source.http;

import java.net.URI;
import java.util.Objects;

/**
 * One GET to make.
 *
 * @param url          what to fetch (http or https)
 * @param purpose      what is expected back, which sets the Accept header
 * @param etag         sent as If-None-Match, or null
 * @param lastModified sent as If-Modified-Since, or null
 * @param cacheable    whether the answer may come from, and go to, the in-memory page cache (never for conditional
 *                     requests, whose point is to ask the server)
 */
public record FetchRequest(URI url, Purpose purpose, String etag, String lastModified, boolean cacheable) {

    /** What the request is for. */
    public enum Purpose {
        /** An RSS, RDF or Atom feed. */
        FEED("application/rss+xml, application/rdf+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"),
        /** An HTML page (an article or a listing page). */
        PAGE("text/html, application/xhtml+xml;q=0.9, */*;q=0.5");

        private final String accept;

        Purpose(String accept) {
            this.accept = accept;
        }

        /** The Accept header value. */
        public String accept() {
            return accept;
        }
    }

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(purpose, "purpose");
        if (etag != null || lastModified != null) {
            cacheable = false;
        }
    }

    /** An article page or a link someone sent: served from the cache when fresh. */
    public static FetchRequest page(URI url) {
        return new FetchRequest(url, Purpose.PAGE, null, null, true);
    }

    /** A feed: always asked of the server. */
    public static FetchRequest feed(URI url) {
        return new FetchRequest(url, Purpose.FEED, null, null, false);
    }

    /** The same request, sent with the validators of the last answer so the server can reply 304 Not Modified. */
    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(url, purpose, etag, lastModified, false);
    }

    /** The same request, bypassing the page cache. */
    public FetchRequest uncached() {
        return new FetchRequest(url, purpose, etag, lastModified, false);
    }

    /** Whether it carries validators. */
    public boolean isConditional() {
        return etag != null || lastModified != null;
    }
}
