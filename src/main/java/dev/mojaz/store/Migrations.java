package dev.mojaz.store;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's versions: Flyway scripts {@code V<n>__<what>.sql} under {@code db/migration} on the classpath (inside
 * {@code mojaz.jar} too). A script is never edited once released; a change is a new version. The scripts are shared
 * by SQLite and PostgreSQL; the one fragment they cannot share is a {@code ${placeholder}} filled by {@link Dialect}.
 * What only PostgreSQL has (several instances on one database) is in {@value #POSTGRESQL_LOCATION}, with version
 * numbers of its own (a version is in one location or the other, never both).
 */
public final class Migrations {
    /** Where the scripts are. */
    public static final String LOCATION = "classpath:db/migration";
    /** Scripts for PostgreSQL alone. */
    public static final String POSTGRESQL_LOCATION = "classpath:db/migration-postgresql";

    /** What one run did. */
    public record Result(String fromVersion, String toVersion, int applied) {
    }

    private Migrations() {
    }

    /** Brings the schema up to the latest version. */
    public static Result migrate(Dialect dialect, DataSource dataSource) {
        return migrate(dialect, dataSource, "latest");
    }

    /** Brings the schema up to {@code target} ("latest", or a version such as "1"); tests start from old versions. */
    public static Result migrate(Dialect dialect, DataSource dataSource, String target) {
        MigrateResult result = flyway(dialect, dataSource, target).migrate();
        // Flyway leaves the target version empty when nothing was applied: the schema stayed where it was.
        String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Result(result.initialSchemaVersion, to, result.migrationsExecuted);
    }

    /** Every version the scripts define, oldest first. */
    public static List<String> versions(Dialect dialect, DataSource dataSource) {
        return Arrays.stream(flyway(dialect, dataSource, "latest").info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null)
                .map(Object::toString)
                .distinct()
                .toList();
    }

    /** The version the database is at, or null when it has none yet. */
    public static String currentVersion(Dialect dialect, DataSource dataSource) {
        MigrationInfo current = flyway(dialect, dataSource, "latest").info().current();
        return current == null || current.getVersion() == null ? null : current.getVersion().toString();
    }

    private static Flyway flyway(Dialect dialect, DataSource dataSource, String target) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocations().toArray(String[]::new))
                // A jar built without the scripts must fail loudly, not report an empty schema as up to date.
                .failOnMissingLocations(true)
                .placeholders(dialect.migrationPlaceholders())
                .target(target)
                .loggers("slf4j")
                .load();
    }
}
