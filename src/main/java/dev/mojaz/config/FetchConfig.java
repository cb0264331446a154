package dev.mojaz.config;

import java.time.Duration;

/**
 * Limits for every HTTP request Mojaz makes.
 *
 * @param connectTimeout        time to open a connection
 * @param readTimeout           longest silence while reading a response
 * @param totalTimeout          longest a whole request may take, however the bytes trickle in
 * @param maxBodyBytes          a response is abandoned past this many (decompressed) bytes
 * @param maxRedirects          redirects followed before giving up
 * @param userAgent             sent with every request, so site owners can tell who is calling
 * @param allowPrivateAddresses let configured sources and on-demand links reach loopback and private networks
 *                              (for tests and self-hosting; off by default)
 */
public record FetchConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        boolean allowPrivateAddresses) {
    public FetchConfig {
        Check.positive("connect-timeout", connectTimeout);
        Check.positive("read-timeout", readTimeout);
        Check.positive("total-timeout", totalTimeout);
        Check.range("max-body-bytes", maxBodyBytes, 1024, 1L << 30);
        Check.range("max-redirects", maxRedirects, 0, 20);
        Check.notBlank("user-agent", userAgent);
    }
}
