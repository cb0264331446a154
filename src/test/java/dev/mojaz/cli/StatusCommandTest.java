package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.SourceState;
import dev.mojaz.store.SqlStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status}: the health report from the database, exit 0 when healthy and 1 when not (Docker's HEALTHCHECK). */
@Tag("fast")
class StatusCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/mojaz.yaml"), """
                sources:
                  - id: sana
                    feed: https://sana.sy/?feed=rss2
                  - id: bbc
                    feed: https://feeds.bbci.co.uk/arabic/rss.xml
                store:
                  path: data/bot.db
                """, StandardCharsets.UTF_8);
    }

    private CliRunner.Result status(String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "status";
        System.arraycopy(more, 0, args, 1, more.length);
        return new CliRunner(dir, Map.of(), Clock.fixed(NOW, ZoneOffset.UTC)).run(args);
    }

    private SqlStorage store(Instant at) {
        return SqlStorage.open(new StoreConfig("data/bot.db", 30), dir, Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void withoutADatabaseItIsUnhealthy() {
        CliRunner.Result result = status();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("status: UNHEALTHY").contains("no database at");
    }

    @Test
    void recentPollsAndNothingWaitingIsHealthy() {
        try (SqlStorage store = store(NOW)) {
            store.sourceStates().save(new SourceState("sana", null, null, NOW.minusSeconds(300), NOW.minusSeconds(300), 0,
                    null, NOW.plusSeconds(300)));
            store.sourceStates().save(new SourceState("bbc", null, null, NOW.minusSeconds(60), NOW.minusSeconds(7200), 3,
                    "503 Service Unavailable", NOW.plusSeconds(600)));
        }
        CliRunner.Result result = status();

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).startsWith("status: healthy")
                .contains("last successful poll: 2026-11-20T09:55:00Z (5m ago)")
                .contains("bbc: FAILING (3 in a row: 503 Service Unavailable)")
                .contains("last message sent: never");
    }

    @Test
    void nothingReadForTooLongIsUnhealthy() {
        try (SqlStorage store = store(NOW)) {
            store.sourceStates().save(new SourceState("sana", null, null, NOW, NOW.minus(Duration.ofHours(3)), 5,
                    "connection refused", NOW.plusSeconds(300)));
        }
        CliRunner.Result result = status();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("problem: no source read successfully for 3h (limit 2h)");
    }

    @Test
    void messagesWaitingWhileNothingIsSentIsUnhealthyAndTheJsonSaysWhy() throws Exception {
        Instant earlier = NOW.minus(Duration.ofMinutes(40));
        try (SqlStorage store = store(earlier)) {
            store.sourceStates().save(new SourceState("sana", null, null, NOW, NOW.minusSeconds(30), 0, null, null));
            store.deliveries().enqueue(42, List.of(NewMessage.plain("waiting")));
        }
        CliRunner.Result result = status("--json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.path("healthy").asBoolean()).isFalse();
        assertThat(report.path("problems").get(0).asText()).startsWith("messages have waited for 40m and none was ever sent");
        assertThat(report.path("outbox").path("pending").asLong()).isEqualTo(1);
    }

    @Test
    void aMessageSentRecentlyKeepsItHealthyEvenWithAnOldOneWaiting() {
        Instant earlier = NOW.minus(Duration.ofMinutes(40));
        try (SqlStorage store = store(earlier)) {
            store.sourceStates().save(new SourceState("sana", null, null, NOW, NOW.minusSeconds(30), 0, null, null));
            store.deliveries().enqueue(42, List.of(NewMessage.plain("held behind a long flood wait")));
        }
        try (SqlStorage store = store(NOW.minusSeconds(60))) {
            long id = store.deliveries().enqueue(43, List.of(NewMessage.plain("sent"))).get(0);
            store.deliveries().claimDue(10);
            store.deliveries().markSent(id, 7L);
        }
        CliRunner.Result result = status();
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("last message sent: 2026-11-20T09:59:00Z (60s ago)");
    }
}
