package dev.mojaz.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mojaz.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, empty database for one test: an SQLite file in the test's temporary folder, or a new schema in a
 * PostgreSQL database of the {@link TestPostgres} server, dropped afterwards. The store tests run on both
 * ({@link StoreTestBase}); without PostgreSQL on the machine the PostgreSQL runs are skipped, saying why.
 */
final class TestDatabase implements AutoCloseable {
    private static String storeTestsUrl;

    final Dialect dialect;
    final String url;
    final Properties properties;
    private final String schema;

    private TestDatabase(Dialect dialect, String url, Properties properties, String schema) {
        this.dialect = dialect;
        this.url = url;
        this.properties = properties;
        this.schema = schema;
    }

    /** A fresh database of {@code dialect}; skips the test when it is PostgreSQL and there is none. */
    static TestDatabase create(Dialect dialect, Path dir) {
        if (dialect == Dialect.SQLITE) {
            return new TestDatabase(Dialect.SQLITE, "jdbc:sqlite:" + dir.resolve("data").resolve("mojaz.db"),
                    new Properties(), null);
        }
        String database = postgresDatabase();
        String schema = "mojaz_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema: " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("currentSchema", schema);
        return new TestDatabase(Dialect.POSTGRESQL, database, properties, schema);
    }

    /** One database on the test server for all store tests (each in its own schema). */
    private static synchronized String postgresDatabase() {
        if (storeTestsUrl == null) {
            TestPostgres server = TestPostgres.get().orElse(null);
            assumeTrue(server != null, TestPostgres::unavailableReason);
            storeTestsUrl = server.createDatabase();
        }
        return storeTestsUrl;
    }

    /** The database migrated to the latest version. */
    Database open() {
        if (dialect == Dialect.SQLITE) {
            return Database.openSqlite(sqliteFile());
        }
        return Database.open(url, properties, Database.DEFAULT_POOL_SIZE);
    }

    Path sqliteFile() {
        return Path.of(url.substring("jdbc:sqlite:".length()));
    }

    DataSource dataSource() {
        if (dialect == Dialect.SQLITE) {
            // Database.openSqlite creates the folder; migrating step by step needs it first.
            try {
                java.nio.file.Files.createDirectories(sqliteFile().getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Database.dataSource(dialect, url, properties);
    }

    @Override
    public void close() {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
