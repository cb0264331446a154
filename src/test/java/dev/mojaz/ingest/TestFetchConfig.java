package dev.mojaz.ingest;

import dev.mojaz.config.FetchConfig;
import java.time.Duration;

/**
 * A {@link FetchConfig} for tests: a 1 MB body cap, private addresses allowed, and timeouts that a local server never
 * reaches however loaded the machine is (a test of a timeout sets its own, against an answer that never comes);
 * change what a test needs.
 */
public final class TestFetchConfig {
    public Duration connectTimeout = Duration.ofSeconds(10);
    public Duration readTimeout = Duration.ofSeconds(30);
    public Duration totalTimeout = Duration.ofSeconds(60);
    public long maxBodyBytes = 1 << 20;
    public int maxRedirects = 5;
    public String userAgent = "MojazBot/test";
    public boolean allowPrivateAddresses = true;
    public int maxRetries = 2;
    public Duration maxRetryWait = Duration.ofSeconds(10);
    public long cacheMaxBytes = 1 << 20;
    public Duration cacheTtl = Duration.ofMinutes(15);
    public int maxConcurrentSources = 4;
    public int maxEntriesPerPoll = 50;
    public Duration maxBackoff = Duration.ofHours(6);

    public static TestFetchConfig defaults() {
        return new TestFetchConfig();
    }

    public FetchConfig build() {
        return new FetchConfig(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects, userAgent,
                allowPrivateAddresses, maxRetries, maxRetryWait, cacheMaxBytes, cacheTtl, maxConcurrentSources,
                maxEntriesPerPoll, maxBackoff);
    }
}
