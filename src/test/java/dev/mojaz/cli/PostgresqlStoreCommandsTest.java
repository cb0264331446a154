package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on PostgreSQL, chosen by MOJAZ_STORE_URL alone: no file on disk, no password in the URL. */
@Tag("fast")
class PostgresqlStoreCommandsTest {
    @TempDir
    Path dir;

    private String url;
    private CliRunner cli;

    @BeforeEach
    void database() {
        TestPostgres server = TestPostgres.get().orElse(null);
        assumeTrue(server != null, TestPostgres::unavailableReason);
        url = server.createDatabase();
        cli = new CliRunner(dir, Map.of(ConfigLoader.ENV_STORE_URL, url), Clock.systemUTC());
    }

    @Test
    void dbMigrateConfigAndStatusWorkOnTheServerAndNameItWithoutTheUser() {
        String server = url.substring("jdbc:postgresql://".length(), url.indexOf('?'));

        CliRunner.Result migrated = cli.run("db", "migrate");
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out().strip()).startsWith("database PostgreSQL at " + server + " is at schema version ")
                .contains("migrations applied");

        CliRunner.Result config = cli.run("config");
        assertThat(config.out()).contains("database PostgreSQL at " + server + ",");

        CliRunner.Result status = cli.run("status");
        assertThat(status.out()).startsWith("status: ").doesNotContain("no database at");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void anUnreachableServerIsOneLineExit1() {
        CliRunner unreachable = new CliRunner(dir, Map.of(ConfigLoader.ENV_STORE_URL,
                "jdbc:postgresql://127.0.0.1:1/mojaz?user=mojaz&connectTimeout=2"), Clock.systemUTC());
        CliRunner.Result result = unreachable.run("db", "prune");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("mojaz db prune: cannot connect to PostgreSQL: ")
                .doesNotContain("\n");
    }

    @Test
    void aPasswordInTheEnvironmentUrlIsExit2() {
        CliRunner withPassword = new CliRunner(dir, Map.of(ConfigLoader.ENV_STORE_URL, url + "&password=x"),
                Clock.systemUTC());
        CliRunner.Result result = withPassword.run("status");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("mojaz status: environment MOJAZ_STORE_URL: must not carry a"
                + " password; set the environment variable MOJAZ_STORE_PASSWORD");
    }
}
