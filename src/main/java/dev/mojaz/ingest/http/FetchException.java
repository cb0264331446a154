package dev.mojaz.ingest.http;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A request that did not give a usable answer. The message is one line that names the URL and what went wrong, fit
 * to show as a source's last error or to a person who sent the link.
 */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, for callers that react differently (the poller's back-off, the bot's reply). */
    public enum Kind {
        /** Not an http or https URL, or not a URL at all. */
        BAD_URL,
        /** The SSRF guard refused the host or one of its addresses. */
        BLOCKED,
        /** DNS failure, connection refused or reset. */
        NETWORK,
        /** Connect, read or total timeout. */
        TIMEOUT,
        /** Body (or decompressed body) over {@code fetch.max-body-bytes}. */
        TOO_LARGE,
        /** More than {@code fetch.max-redirects} redirects, or a loop. */
        TOO_MANY_REDIRECTS,
        /** The server answered with an error status. */
        HTTP_STATUS,
        /** An answer we cannot read (an unknown content encoding, a corrupt gzip stream). */
        UNREADABLE,
        /**
         * Mojaz is stopping: the fetcher was closed, cancelling this request. Says nothing about the site, so it
         * counts against no source and no page.
         */
        STOPPED
    }

    private final Kind kind;
    private final URI url;
    private final int status;
    private final transient Duration retryAfter;
    private final boolean transientFailure;

    FetchException(Kind kind, URI url, String problem, int status, Duration retryAfter, boolean transientFailure,
                   Throwable cause) {
        super(url + ": " + problem, cause);
        this.kind = kind;
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
        this.transientFailure = transientFailure;
    }

    static FetchException of(Kind kind, URI url, String problem) {
        return new FetchException(kind, url, problem, 0, null, false, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The URL that was asked for (not the redirect hop that failed). */
    public URI url() {
        return url;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }

    /** How long the server asked us to wait (Retry-After), when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether trying again later may succeed (a refused connection, 429, 503) rather than never (404, blocked). */
    public boolean isTransient() {
        return transientFailure;
    }
}
