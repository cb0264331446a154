package dev.mojaz.config;

import java.time.Duration;

/**
 * Limits for every HTTP request Mojaz makes.
 *
 * @param connectTimeout        time to open a connection
 * @param readTimeout           longest silence while reading a response
 * @param totalTimeout          longest a whole fetch may take, however the bytes trickle in: every attempt, redirect
 *                              and wait before a retry (Retry-After included) counts against it
 * @param maxBodyBytes          a response is abandoned past this many (decompressed) bytes
 * @param maxRedirects          redirects followed before giving up
 * @param userAgent             sent with every request, so site owners can tell who is calling
 * @param allowPrivateAddresses let every request, links people send included, reach loopback and private
 *                              networks (for tests; off by default). One source on an intranet is opened with
 *                              {@code sources[].allow-private} instead ({@link SourceConfig#allowPrivate()}).
 * @param maxRetries            extra attempts for a transient failure (connection refused or reset, 408, 429, 502,
 *                              503, 504) of an idempotent request
 * @param maxRetryWait          longest wait before a retry; a Retry-After beyond it fails the request at once (the
 *                              poller then waits that long before polling the source again)
 * @param cacheMaxBytes         fetched pages kept in memory, by total body size
 * @param cacheTtl              how long a fetched page is served from memory
 * @param maxConcurrentSources  sources polled at the same time
 * @param maxEntriesPerPoll     new entries of one source fetched in one poll; the rest wait for the next poll
 * @param maxBackoff            the longest a failing source waits between polls
 */
public record FetchConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        boolean allowPrivateAddresses,
        int maxRetries,
        Duration maxRetryWait,
        long cacheMaxBytes,
        Duration cacheTtl,
        int maxConcurrentSources,
        int maxEntriesPerPoll,
        Duration maxBackoff) {
    public FetchConfig {
        Check.positive("connect-timeout", connectTimeout);
        Check.positive("read-timeout", readTimeout);
        Check.positive("total-timeout", totalTimeout);
        Check.range("max-body-bytes", maxBodyBytes, 1024, 1L << 30);
        Check.range("max-redirects", maxRedirects, 0, 20);
        Check.notBlank("user-agent", userAgent);
        Check.range("max-retries", maxRetries, 0, 10);
        Check.positive("max-retry-wait", maxRetryWait);
        Check.range("cache-max-bytes", cacheMaxBytes, 0, 1L << 32);
        Check.positive("cache-ttl", cacheTtl);
        Check.range("max-concurrent-sources", maxConcurrentSources, 1, 64);
        Check.range("max-entries-per-poll", maxEntriesPerPoll, 1, 10_000);
        Check.positive("max-backoff", maxBackoff);
    }
}
