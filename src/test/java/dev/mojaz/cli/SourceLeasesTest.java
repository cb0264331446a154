package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.poll.PollReport;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances' pipelines on one database: a source is polled by one of them at a time, and the other neither polls
 * it meanwhile nor polls it again right after (it is no longer due); once due again, either may.
 */
@Tag("fast")
class SourceLeasesTest {
    @TempDir
    Path dir;
    private final FakeClock clock = FakeClock.at("2026-11-20T10:00:00Z");
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private FixtureSite site;
    private SqlStorage storeA;
    private SqlStorage storeB;
    private SourcePipeline a;
    private SourcePipeline b;

    @BeforeEach
    void setUp() throws Exception {
        site = new FixtureSite();
        String empty = Fixtures.rss("x", List.of());
        site.handle("/feed.xml", request -> {
            asked.countDown();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new MockResponse().setBody(empty);
        });
        ConfigLoader loader = new ConfigLoader(Map.of());
        MojazConfig base = loader.defaults();
        MojazConfig config = loader.load(writeConfig()).withSources(List.of(new SourceConfig("local", "local", "ar",
                site.url("/feed.xml"), null, null, Duration.ofMinutes(10), true))).withStore(new StoreConfig("bot.db",
                base.store().retentionDays()));
        storeA = SqlStorage.open(config.store(), dir, clock);
        storeB = SqlStorage.open(config.store(), dir, clock);
        a = new SourcePipeline(config, storeA, clock);
        b = new SourcePipeline(config, storeB, clock);
    }

    private Path writeConfig() throws Exception {
        Path file = dir.resolve("mojaz.yaml");
        java.nio.file.Files.writeString(file, "fetch:\n  allow-private-addresses: true\n");
        return file;
    }

    @AfterEach
    void tearDown() throws Exception {
        answer.countDown();
        a.close();
        b.close();
        storeA.close();
        storeB.close();
        site.close();
    }

    @Test
    void oneInstancePollsASourceAtATime() throws Exception {
        Instant now = clock.instant();
        List<CompletableFuture<PollReport>> byA = a.scheduler().pollDue(now);
        assertThat(byA).hasSize(1);
        assertThat(asked.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(a.leases().held()).containsExactly("local");
        assertThat(storeB.instances().lease("source:local")).hasValueSatisfying(
                lease -> assertThat(lease.holder()).isEqualTo(storeA.instances().id()));

        assertThat(b.scheduler().pollDue(now)).as("a holds the lease").isEmpty();

        answer.countDown();
        assertThat(byA.get(0).get(60, TimeUnit.SECONDS).status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(a.leases().held()).isEmpty();
        assertThat(storeB.instances().lease("source:local")).as("given back at once").isEmpty();
        assertThat(b.scheduler().pollDue(now)).as("free, but a polled it just now: not due").isEmpty();

        List<CompletableFuture<PollReport>> byB = b.scheduler().pollDue(now.plus(Duration.ofMinutes(11)));
        assertThat(byB).hasSize(1);
        byB.get(0).get(60, TimeUnit.SECONDS);
        assertThat(site.requestsTo("/feed.xml")).isEqualTo(2);
    }
}
