package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.StoreConfig;
import dev.mojaz.domain.Article;
import dev.mojaz.store.SqlStorage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class DbCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void migrateCreatesTheDatabaseWhereTheConfigurationSaysOnce() {
        CliRunner.Result first = new CliRunner(dir).run("db", "migrate");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().strip()).isEqualTo("database data/mojaz.db is at schema version 20 (5 migrations applied)");
        assertThat(Files.isRegularFile(dir.resolve("data/mojaz.db"))).isTrue();

        CliRunner.Result second = new CliRunner(dir).run("db", "migrate");
        assertThat(second.out().strip()).isEqualTo("database data/mojaz.db is at schema version 20 (already up to date)");
    }

    @Test
    void migrateUsesTheConfiguredPath() throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "store:\n  path: state/other.db\n");
        CliRunner.Result result = new CliRunner(dir).run("db", "migrate", "--config", "mine.yaml");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.isRegularFile(dir.resolve("state/other.db"))).isTrue();
    }

    @Test
    void prunePrunesArticlesOlderThanTheRetention() {
        try (SqlStorage store = SqlStorage.open(new StoreConfig("data/mojaz.db", 30), dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            store.articles().add(article("old", NOW.minus(Duration.ofDays(40)), 1));
            store.articles().add(article("new", NOW.minus(Duration.ofDays(2)), ~1L));
        }
        CliRunner.Result result = new CliRunner(dir, Map.of(), Clock.fixed(NOW, ZoneOffset.UTC)).run("db", "prune");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("pruned 1 articles, 1 stories, 0 deliveries and 0 outbox messages "
                + "in 1 transactions (articles older than 30 days)");
    }

    @Test
    void dbAloneAsksForASubcommand() {
        CliRunner.Result result = new CliRunner(dir).run("db");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Missing required subcommand");
    }

    private static Article article(String path, Instant fetched, long signature) {
        URI url = URI.create("https://x.example/" + path);
        return new Article("x", url, url, null, "t", "text", null, null, fetched, "ar", List.of(), signature);
    }
}
