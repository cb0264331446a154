package dev.mojaz.ingest.http;

import dev.mojaz.config.SourceConfig;
import java.net.URI;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One GET to make.
 *
 * @param url          what to fetch (http or https)
 * @param purpose      what is expected back, which sets the Accept header
 * @param etag         sent as If-None-Match, or null
 * @param lastModified sent as If-Modified-Since, or null
 * @param cacheable    whether the answer may come from, and go to, the in-memory page cache (never for conditional
 *                     requests, whose point is to ask the server, nor for requests that may reach a private address)
 * @param privateHost  the one host (canonical: lower-case, IDN in ASCII, IPv6 without brackets) whose private
 *                     addresses this request may reach, at any hop; null when every hop is guarded. See {@link
 *                     #onBehalfOf}.
 */
public record FetchRequest(URI url, Purpose purpose, String etag, String lastModified, boolean cacheable,
                           String privateHost) {

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
        if (etag != null || lastModified != null || privateHost != null) {
            // A page from a private address must never be served to a request that may not reach it (a link
            // someone sends with the same URL).
            cacheable = false;
        }
    }

    /** An article page or a link someone sent: served from the cache when fresh. */
    public static FetchRequest page(URI url) {
        return new FetchRequest(url, Purpose.PAGE, null, null, true, null);
    }

    /** A feed: always asked of the server. */
    public static FetchRequest feed(URI url) {
        return new FetchRequest(url, Purpose.FEED, null, null, false, null);
    }

    /** The same request, sent with the validators of the last answer so the server can reply 304 Not Modified. */
    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(url, purpose, etag, lastModified, false, privateHost);
    }

    /** The same request, bypassing the page cache. */
    public FetchRequest uncached() {
        return new FetchRequest(url, purpose, etag, lastModified, false, privateHost);
    }

    /**
     * The same request, made for {@code source} (its feed or listing page, or an article its feed links to). When
     * the configuration lets the source reach a private network ({@code sources[].allow-private}), hops to the
     * source's own host (the host of its feed or page URL, exactly as named: any port or scheme there, since a feed
     * served over https often links http pages, but not another name for the same machine) may reach private
     * addresses. Every other host stays guarded, so an entry that points elsewhere in the network, or a redirect
     * there, is refused as it would be for a link someone sends: the admin vouched for one server, not for what
     * its feed names.
     */
    public FetchRequest onBehalfOf(SourceConfig source) {
        if (!source.allowPrivate()) {
            return this;
        }
        HttpUrl own = HttpUrl.parse(source.url().toString());
        return own == null ? this : new FetchRequest(url, purpose, etag, lastModified, false, own.host());
    }

    /** Whether a hop to {@code host} (canonical, as {@link HttpUrl#host()} gives it) may reach a private address. */
    boolean mayReachPrivateAddressesOf(String host) {
        return privateHost != null && privateHost.equals(host);
    }

    /** Whether it carries validators. */
    public boolean isConditional() {
        return etag != null || lastModified != null;
    }
}
