package dev.mojaz.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, empty database for one test: an SQLite file in the test's temporary folder, or, when
 * {@code MOJAZ_TEST_POSTGRES_URL} (or the system property {@code mojaz.test.postgres.url}) names a PostgreSQL
 * database, a new schema in it that is dropped afterwards. So every store test also proves the SQL on PostgreSQL:
 * {@code MOJAZ_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/mojaz?user=mojaz' mvn test -Dtest='dev.mojaz.store.**'}
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_URL = System.getProperty("mojaz.test.postgres.url",
            System.getenv("MOJAZ_TEST_POSTGRES_URL"));

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

    static boolean postgres() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    static TestDatabase create(Path dir) {
        if (!postgres()) {
            return new TestDatabase(Dialect.SQLITE, "jdbc:sqlite:" + dir.resolve("data").resolve("mojaz.db"),
                    new Properties(), null);
        }
        String schema = "mojaz_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(POSTGRES_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema at " + POSTGRES_URL + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("currentSchema", schema);
        return new TestDatabase(Dialect.POSTGRESQL, POSTGRES_URL, properties, schema);
    }

    /** The database migrated to the latest version. */
    Database open() {
        if (dialect == Dialect.SQLITE) {
            return Database.openSqlite(Path.of(url.substring("jdbc:sqlite:".length())));
        }
        return Database.open(url, properties, Database.DEFAULT_READERS);
    }

    DataSource dataSource() {
        if (dialect == Dialect.SQLITE) {
            // Database.openSqlite creates the folder; migrating step by step needs it first.
            try {
                java.nio.file.Files.createDirectories(Path.of(url.substring("jdbc:sqlite:".length())).getParent());
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
        try (Connection c = DriverManager.getConnection(POSTGRES_URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
