package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceState;
import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures;
import dev.mojaz.ingest.TestPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PollSchedulerTest {
    /** How long a test waits for something that should happen: generous, as the machine may be loaded. */
    private static final long PATIENCE_SECONDS = 60;

    private FixtureSite site;
    private TestPipeline pipeline;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        site = new FixtureSite();
        pipeline = new TestPipeline();
        String empty = Fixtures.rss("x", List.of());
        site.xml("/fast.xml", empty).xml("/other.xml", empty).xml("/off.xml", empty);
        site.handle("/slow.xml", request -> {
            slowStarted.countDown();
            try {
                release.await(); // the server holds the answer until the test (or its tear-down) lets it go
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new MockResponse().setBody(empty);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        pipeline.close();
        site.close();
    }

    private SourceConfig source(String id, boolean enabled) {
        return new SourceConfig(id, id, "ar", site.url("/" + id + ".xml"), null, null, Duration.ofMinutes(10), enabled);
    }

    @Test
    void onlyEnabledSourcesThatAreDueStart() {
        Instant now = pipeline.clock.instant();
        pipeline.add(source("fast", true)).add(source("other", true)).add(source("off", false));
        pipeline.states.save(new SourceState("other", null, null, now, now, 0, null, now.plusSeconds(60)));

        List<PollReport> reports = pipeline.scheduler.pollDue(now).stream().map(CompletableFuture::join).toList();

        assertThat(reports).extracting(PollReport::sourceId).containsExactly("fast");
        assertThat(site.requestsTo("/off.xml")).isZero();
        assertThat(site.requestsTo("/other.xml")).isZero();
        // a minute later "other" is due; "fast" is not (its interval is ten minutes)
        List<PollReport> later = pipeline.scheduler.pollDue(now.plusSeconds(60)).stream().map(CompletableFuture::join).toList();
        assertThat(later).extracting(PollReport::sourceId).containsExactly("other");
    }

    @Test
    void aSlowSourceDoesNotDelayTheOthersAndIsNotStartedTwice() throws Exception {
        pipeline.add(source("slow", true)).add(source("fast", true));
        Instant now = pipeline.clock.instant();

        List<CompletableFuture<PollReport>> started = pipeline.scheduler.pollDue(now);
        assertThat(started).hasSize(2);
        assertThat(slowStarted.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

        PollReport fast = started.get(1).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(fast.status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(started.get(0)).isNotDone();
        assertThat(pipeline.scheduler.inFlight()).containsExactly("slow");
        // the next step, while it is still running, leaves it alone
        assertThat(pipeline.scheduler.pollDue(now.plus(Duration.ofMinutes(10)))).hasSize(1);

        release.countDown();
        assertThat(started.get(0).get(PATIENCE_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(PollReport.Status.UPDATED);
        assertThat(site.requestsTo("/slow.xml")).isEqualTo(1);
    }

    @Test
    void aPollIsNoLongerInFlightOnceItsReportIsThere() throws Exception {
        pipeline.add(source("slow", true));
        List<CompletableFuture<PollReport>> started = pipeline.scheduler.pollDue(pipeline.clock.instant());
        assertThat(slowStarted.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        // Whoever acts on the report (a caller of pollNow, the next step) must be able to start the source again.
        CompletableFuture<Set<String>> inFlightWhenReported = started.get(0).thenApply(report -> pipeline.scheduler.inFlight());

        release.countDown();

        assertThat(inFlightWhenReported.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEmpty();
        assertThat(pipeline.scheduler.pollNow(List.of(source("slow", true)))).hasSize(1);
    }

    @Test
    void theRealTimeLoopPollsWithoutBeingDriven() throws Exception {
        pipeline.add(source("fast", true));

        pipeline.scheduler.start(Duration.ofMillis(20));

        // await the loop's first poll (a condition, not a sleep)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (pipeline.states.load("fast").lastSuccess() == null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(pipeline.states.load("fast").lastSuccess()).isEqualTo(pipeline.clock.instant());
    }
}
