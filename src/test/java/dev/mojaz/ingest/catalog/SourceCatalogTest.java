package dev.mojaz.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.store.SqlStorage;
import dev.mojaz.testing.FakeClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private access comes from the configuration file only, for the URL the file names. */
@Tag("fast")
class SourceCatalogTest {
    private static final URI INTRANET_FEED = URI.create("http://news.intranet.lan/rss");
    private static final SourceConfig INTRANET = new SourceConfig("intranet", "داخلي", "ar", INTRANET_FEED, null, null,
            Duration.ofMinutes(10), true, true);

    @TempDir
    Path dir;
    private SqlStorage store;
    private SourceCatalog catalog;

    @BeforeEach
    void open() {
        store = SqlStorage.open(new ConfigLoader(Map.of()).defaults().store(), dir, FakeClock.at("2026-11-20T10:00:00Z"));
        catalog = new SourceCatalog(List.of(INTRANET), store.sources());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static SourceConfig stored(String id, URI feed, boolean enabled) {
        return new SourceConfig(id, id, "ar", feed, null, null, Duration.ofMinutes(10), enabled);
    }

    @Test
    void aConfiguredSourceDisabledAndEnabledAtRunTimeKeepsItsPrivateAccess() {
        catalog.store(stored("intranet", INTRANET_FEED, false));
        assertThat(catalog.find("intranet").orElseThrow().allowPrivate()).isTrue();

        catalog.store(stored("intranet", INTRANET_FEED, true));
        SourceConfig source = catalog.find("intranet").orElseThrow();
        assertThat(source.enabled()).isTrue();
        assertThat(source.allowPrivate()).isTrue();
    }

    @Test
    void theGrantDoesNotFollowTheIdToAnotherUrl() {
        catalog.store(stored("intranet", URI.create("http://10.0.0.9/rss"), true));
        assertThat(catalog.find("intranet").orElseThrow().allowPrivate()).isFalse();
    }

    @Test
    void aSourceAddedAtRunTimeNeverHasIt() {
        catalog.store(new SourceConfig("added", "added", "ar", INTRANET_FEED, null, null, Duration.ofMinutes(10), true,
                true));
        assertThat(catalog.find("added").orElseThrow().allowPrivate()).isFalse();
    }
}
