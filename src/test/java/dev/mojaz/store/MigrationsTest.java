package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema's versions. When a version is added, add {@code db/fixtures/V<n>.sql} (test resources) with data as
 * that version holds it: these tests then also check the upgrade from it.
 */
@Tag("fast")
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class MigrationsTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersionOnceAndOnlyOnce() {
        try (TestDatabase target = TestDatabase.create(dialect, dir)) {
            DataSource ds = target.dataSource();
            List<String> versions = Migrations.versions(target.dialect, ds);
            assertThat(versions).startsWith("1", "2");
            assertThat(Migrations.currentVersion(target.dialect, ds)).isNull();

            Migrations.Result first = Migrations.migrate(target.dialect, ds);
            assertThat(first.fromVersion()).isNull();
            assertThat(first.toVersion()).isEqualTo(last(versions));
            assertThat(first.applied()).isEqualTo(versions.size());
            assertThat(Migrations.currentVersion(target.dialect, ds)).isEqualTo(last(versions));

            Migrations.Result second = Migrations.migrate(target.dialect, ds);
            assertThat(second.applied()).isZero();
            List<String> tables = new java.util.ArrayList<>(List.of("articles", "blocked_domains", "bot_state", "chats",
                    "deliveries", "handled_updates", "instances", "leases", "outbox", "personal_sources",
                    "source_owners", "source_state", "sources", "stories", "subscriptions", "summary_requests"));
            if (dialect == Dialect.POSTGRESQL) {
                tables.add("chat_changes"); // several instances follow each other's subscription changes
            }
            assertThat(tableCounts(ds)).containsOnlyKeys(tables).allSatisfy((table, rows) -> assertThat(rows).isZero());
        }
    }

    /** Every version's fixture loads into that version and reads back through today's repositories. */
    @TestFactory
    Stream<DynamicTest> eachVersionsFixtureFitsItsVersion() {
        List<String> versions = versionsOnFreshDatabase();
        return versions.stream().map(version -> DynamicTest.dynamicTest("V" + version, () -> {
            try (TestDatabase target = TestDatabase.create(dialect, dir.resolve("fits-v" + version))) {
                Migrations.migrate(target.dialect, target.dataSource(), version);
                load(target.dataSource(), fixture(version));
                if (version.equals(last(versions))) {
                    readEverything(target, tableCounts(target.dataSource()));
                }
            }
        }));
    }

    /** From each earlier version, with its data, to the latest: every row survives and reads back. */
    @TestFactory
    Stream<DynamicTest> eachEarlierVersionWithDataMigratesToTheLatest() {
        List<String> versions = versionsOnFreshDatabase();
        return versions.subList(0, versions.size() - 1).stream().map(version -> DynamicTest.dynamicTest(
                "V" + version + " to V" + last(versions), () -> {
                    try (TestDatabase target = TestDatabase.create(dialect, dir.resolve("from-v" + version))) {
                        DataSource ds = target.dataSource();
                        assertThat(Migrations.migrate(target.dialect, ds, version).toVersion()).isEqualTo(version);
                        load(ds, fixture(version));
                        Map<String, Long> before = tableCounts(ds);

                        Migrations.Result upgrade = Migrations.migrate(target.dialect, ds);
                        assertThat(upgrade.fromVersion()).isEqualTo(version);
                        assertThat(upgrade.toVersion()).isEqualTo(last(versions));

                        Map<String, Long> after = tableCounts(ds);
                        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isEqualTo(rows));
                        readEverything(target, after);
                    }
                }));
    }

    /**
     * Reads every row of the main tables through the repositories (so every mapper meets every column) and checks
     * they see as many rows as the tables hold.
     */
    private static void readEverything(TestDatabase target, Map<String, Long> counts) {
        try (SqlStorage store = new SqlStorage(target.open(), Clock.systemUTC(), 30)) {
            assertThat((long) store.sources().all().size()).isEqualTo(counts.get("sources"));
            assertThat((long) store.sourceStates().all().size()).isEqualTo(counts.get("source_state"));
            assertThat((long) store.articles().since(Instant.EPOCH, 10_000).size()).isEqualTo(counts.get("articles"));
            if (counts.containsKey("chats")) {
                List<Long> chatIds = store.database().read(sql -> sql.list("SELECT id FROM chats",
                        row -> row.longValue("id")));
                long subscriptions = 0;
                long messages = 0;
                for (long id : chatIds) {
                    assertThat(store.chats().find(id)).isPresent();
                    subscriptions += store.subscriptions().list(id).size();
                    messages += store.deliveries().ofChat(id).size();
                }
                assertThat((long) chatIds.size()).isEqualTo(counts.get("chats"));
                assertThat(subscriptions).isEqualTo(counts.get("subscriptions"));
                assertThat(messages).isEqualTo(counts.get("outbox"));
                store.chats().dueForDigest(Instant.now());
                store.botState().get("telegram.last-update-id");
            }
            if (counts.containsKey("personal_sources")) {
                assertThat((long) store.personalSources().all().size()).isEqualTo(counts.get("personal_sources"));
                assertThat((long) store.personalSources().blocked().size()).isEqualTo(counts.get("blocked_domains"));
            }
            if (counts.containsKey("summary_requests")) {
                assertThat((long) store.summaryRequests().all().size()).isEqualTo(counts.get("summary_requests"));
                store.handledUpdates().contains(123456791);
            }
        }
    }

    private List<String> versionsOnFreshDatabase() {
        try (TestDatabase target = TestDatabase.create(dialect, dir.resolve("versions"))) {
            return Migrations.versions(target.dialect, target.dataSource());
        }
    }

    private static String fixture(String version) {
        String name = "/db/fixtures/V" + version + ".sql";
        try (InputStream in = MigrationsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("a fixture " + name + " in src/test/resources for schema version " + version).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the statements of a fixture (separated by ";" at the end of a line; "--" lines are comments). */
    private static void load(DataSource ds, String script) throws SQLException {
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : withoutComments.split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    /** Rows in each of our tables (not Flyway's nor SQLite's own). */
    private static Map<String, Long> tableCounts(DataSource ds) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")) {
                        tables.add(name);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static String last(List<String> versions) {
        return versions.get(versions.size() - 1);
    }
}
