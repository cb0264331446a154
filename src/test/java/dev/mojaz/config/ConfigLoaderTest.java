package dev.mojaz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void builtInDefaultsAreValidAndShipTheArabicOutlets() {
        MojazConfig config = loader.defaults();
        assertThat(config.summary().sentences()).isEqualTo(3);
        assertThat(config.sources()).extracting(SourceConfig::id)
                .contains("bbc-arabic", "aljazeera", "france24", "rt-arabic", "skynews-arabia", "sana", "alarabiya", "dw-arabic");
        assertThat(config.fetch().allowPrivateAddresses()).isFalse();
    }

    @Test
    void theShippedConfigFileIsValid() {
        MojazConfig config = loader.load(Path.of("config/mojaz.yaml"));
        assertThat(config.sources()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void fileOverridesDefaultsKeyByKey() throws IOException {
        MojazConfig config = loader.load(write("summary:\n  sentences: 4\nfetch:\n  read-timeout: 2m\n"));
        assertThat(config.summary().sentences()).isEqualTo(4);
        assertThat(config.summary().maxCharacters()).isEqualTo(600);
        assertThat(config.fetch().readTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        assertThat(loader.load(write(""))).isEqualTo(loader.defaults());
    }

    @Test
    void unknownKeyIsNamedWithFileAndPath() throws IOException {
        Path file = write("summary:\n  sentencs: 4\n");
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": summary.sentencs: unknown key")
                .hasMessageContaining("sentences");
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        Path file = write("summary:\n  sentences: three\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": summary.sentences: expected a whole number, got 'three'");
    }

    @Test
    void badDurationIsNamed() throws IOException {
        Path file = write("fetch:\n  read-timeout: soon\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessageStartingWith(file + ": fetch.read-timeout: expected a duration");
    }

    @Test
    void outOfRangeValueIsNamed() throws IOException {
        Path file = write("summary:\n  sentences: 0\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": summary.sentences: must be between 1 and 20 (was 0)");
    }

    @Test
    void missingValueInAListEntryIsNamedWithItsIndex() throws IOException {
        Path file = write("sources:\n  - id: one\n    feed: https://example.com/rss\n  - name: nameless\n    feed: https://example.com/b\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": sources[1].id: is required and must not be empty");
    }

    @Test
    void sourceNeedsExactlyOneOfFeedOrPage() throws IOException {
        Path file = write("sources:\n  - id: both\n    feed: https://a.example/rss\n    page: https://a.example/\n    link-selector: a\n");
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("sources[0].feed: give exactly one");
    }

    @Test
    void duplicateSourceIdsAreRefused() throws IOException {
        Path file = write("sources:\n  - id: a\n    feed: https://a.example/rss\n  - id: a\n    feed: https://b.example/rss\n");
        assertThatThrownBy(() -> loader.load(file)).hasMessage(file + ": sources: source ids must be unique");
    }

    @Test
    void secretsInTheFileAreRefused() throws IOException {
        Path file = write("telegram:\n  token: 123:abc\n");
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("telegram.token")
                .hasMessageContaining("MOJAZ_TELEGRAM_TOKEN");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        Path file = write("summary:\n  sentences: [1,\n");
        assertThatThrownBy(() -> loader.load(file)).hasMessageStartingWith(file + ": line").hasMessageContaining("not valid YAML");
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLineRatherThanTheLaterOneWinning() throws IOException {
        Path file = write("fetch:\n  allow-private-addresses: false\n  max-retries: 1\n  allow-private-addresses: true\n");
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": line 4: fetch.allow-private-addresses: duplicate key (each key may appear once)");
    }

    @Test
    void aDuplicateTopLevelSectionIsRefused() throws IOException {
        Path file = write("summary:\n  sentences: 4\nfetch:\n  max-retries: 1\nsummary:\n  sentences: 5\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": line 5: summary: duplicate key (each key may appear once)");
    }

    @Test
    void aDuplicateKeyInsideAListEntryIsNamedWithItsIndex() throws IOException {
        Path file = write("sources:\n  - id: a\n    feed: https://a.example/rss\n  - id: b\n    feed: https://b.example/rss\n"
                + "    feed: https://c.example/rss\n");
        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": line 6: sources[1].feed: duplicate key (each key may appear once)");
    }

    @Test
    void privateAccessIsGrantedPerSourceAndOffByDefault() throws IOException {
        MojazConfig config = loader.load(write("sources:\n  - id: intranet\n    feed: http://news.intranet.lan/rss\n"
                + "    allow-private: true\n  - id: other\n    feed: https://b.example/rss\n"));
        assertThat(config.sources()).extracting(SourceConfig::allowPrivate).containsExactly(true, false);
        assertThat(loader.defaults().sources()).noneMatch(SourceConfig::allowPrivate);
    }

    @Test
    void theRetiredGlobalSwitchForSourcesNamesItsReplacement() throws IOException {
        Path file = write("fetch:\n  allow-private-sources: true\n");
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": fetch.allow-private-sources: no longer exists")
                .hasMessageContaining("sources[].allow-private");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(file)).hasMessage(file + ": file not found");
    }

    @Test
    void apiUrlComesFromTheEnvironmentWhenSet() {
        MojazConfig config = new ConfigLoader(Map.of(ConfigLoader.ENV_API_URL, "http://127.0.0.1:8081")).defaults();
        assertThat(config.telegram().apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    }

    @Test
    void badApiUrlInTheEnvironmentIsNamed() {
        ConfigLoader withBadEnv = new ConfigLoader(Map.of(ConfigLoader.ENV_API_URL, "not a url"));
        assertThatThrownBy(withBadEnv::defaults).hasMessageStartingWith("environment MOJAZ_TELEGRAM_API_URL");
    }

    @Test
    void humanDurations() {
        assertThat(DurationDeserializer.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationDeserializer.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationDeserializer.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationDeserializer.parse("10")).isNull();
    }
}
