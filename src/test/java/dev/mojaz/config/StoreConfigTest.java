package dev.mojaz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store.url}, {@code MOJAZ_STORE_URL} and {@code MOJAZ_STORE_PASSWORD}: PostgreSQL without secrets in files. */
@Tag("fast")
class StoreConfigTest {
    private static final String URL = "jdbc:postgresql://db:5432/mojaz?user=mojaz";

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void byDefaultTheStoreIsTheSqliteFile() {
        StoreConfig store = new ConfigLoader(Map.of()).defaults().store();
        assertThat(store.usesPostgresql()).isFalse();
        assertThat(store.url()).isNull();
        assertThat(store.location()).isEqualTo("data/mojaz.db");
    }

    @Test
    void aPostgresqlUrlInTheFileIsUsed() throws IOException {
        StoreConfig store = new ConfigLoader(Map.of()).load(write("store:\n  url: " + URL + "\n")).store();
        assertThat(store.usesPostgresql()).isTrue();
        assertThat(store.url()).isEqualTo(URL);
        assertThat(store.location()).isEqualTo("PostgreSQL at db:5432/mojaz");
    }

    @Test
    void theEnvironmentUrlWinsOverTheFileAndThePasswordComesFromTheEnvironmentOnly() throws IOException {
        Path file = write("store:\n  url: jdbc:postgresql://elsewhere/other?user=x\n");
        StoreConfig store = new ConfigLoader(Map.of(ConfigLoader.ENV_STORE_URL, URL,
                ConfigLoader.ENV_STORE_PASSWORD, "s3cret")).load(file).store();
        assertThat(store.url()).isEqualTo(URL);
        assertThat(store.password()).isEqualTo("s3cret");
        assertThat(store.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordInTheFileIsRefusedNamingTheVariableToUse() throws IOException {
        Path file = write("store:\n  url: " + URL + "\n  password: s3cret\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": store.password: secrets are not read from the config file; set the environment"
                        + " variable MOJAZ_STORE_PASSWORD instead");
    }

    @Test
    void aPasswordInTheUrlIsRefusedInTheFileAndInTheEnvironmentWithoutRepeatingIt() throws IOException {
        Path file = write("store:\n  url: " + URL + "&password=s3cret\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": store.url: must not carry a password")
                .hasMessageContaining("MOJAZ_STORE_PASSWORD").hasMessageNotContaining("s3cret");
        ConfigLoader fromEnvironment = new ConfigLoader(Map.of(ConfigLoader.ENV_STORE_URL,
                "jdbc:postgresql://mojaz:s3cret@db/mojaz"));
        assertThatThrownBy(fromEnvironment::defaults).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment MOJAZ_STORE_URL: must not carry a user or password")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aUrlThatIsNotPostgresqlIsRefused() throws IOException {
        Path file = write("store:\n  url: jdbc:mysql://db/mojaz\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": store.url: must be a PostgreSQL JDBC URL");
    }

    @Test
    void theShippedConfigurationForSeveralInstancesIsValidAndSharesTelegramsLimitBetweenTwo() {
        MojazConfig config = new ConfigLoader(Map.of(ConfigLoader.ENV_STORE_URL, URL))
                .load(Path.of("config/mojaz-postgresql.yaml"));
        assertThat(config.store().usesPostgresql()).isTrue();
        assertThat(config.telegram().limits().messagesPerSecond()).isEqualTo(15);
        assertThat(config.sources()).isNotEmpty();
    }
}
