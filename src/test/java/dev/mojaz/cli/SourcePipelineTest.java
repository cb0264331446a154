package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.source.FixtureSite;
import dev.mojaz.source.Fixtures;
import dev.mojaz.source.Fixtures.Item;
import dev.mojaz.source.http.FetchException;
import dev.mojaz.source.http.FetchRequest;
import dev.mojaz.source.poll.PollReport;
import dev.mojaz.store.Store;
import dev.mojaz.testing.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two address policies: configured sources are the admin's choice ({@code fetch.allow-private-sources} lets
 * them reach a private network), links people send stay guarded unless {@code fetch.allow-private-addresses}.
 */
@Tag("fast")
class SourcePipelineTest {
    @TempDir
    Path dir;
    private FixtureSite site;
    private final FakeClock clock = FakeClock.at("2026-11-20T10:00:00Z");

    @BeforeEach
    void setUp() throws IOException {
        site = new FixtureSite();
        site.xml("/feed.xml", Fixtures.rss("داخلي", List.of(new Item("خبر", site.base() + "/a/1", "g1", null))));
        site.html("/a/1", Fixtures.articlePage("خبر", Fixtures.paragraphs(Fixtures.seed("003_3a0528656e2a16ca")), null));
    }

    @AfterEach
    void tearDown() throws IOException {
        site.close();
    }

    private MojazConfig config(String fetchKeys) throws IOException {
        Path file = dir.resolve("mojaz.yaml");
        Files.writeString(file, "fetch:\n" + fetchKeys + "  max-retries: 0\nsources:\n  - id: intranet\n    feed: "
                + site.url("/feed.xml") + "\n");
        return new ConfigLoader(Map.of()).load(file);
    }

    private PollReport pollOnce(SourcePipeline pipeline) {
        return pipeline.scheduler().pollAllNow().get(0);
    }

    @Test
    void privateSourcesMayBeAllowedWhileLinksPeopleSendStayGuarded() throws IOException {
        MojazConfig config = config("  allow-private-sources: true\n");
        try (Store store = Store.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock)) {
            assertThat(pollOnce(pipeline).stored()).isEqualTo(1);
            assertThatThrownBy(() -> pipeline.fetcher().fetch(FetchRequest.page(site.url("/a/1").resolve("/a/1?x"))))
                    .isInstanceOf(FetchException.class)
                    .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.BLOCKED));
        }
    }

    @Test
    void byDefaultNeitherReachesAPrivateAddress() throws IOException {
        MojazConfig config = config("");
        try (Store store = Store.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock)) {
            PollReport report = pollOnce(pipeline);
            assertThat(report.stored()).isZero();
            assertThat(report.error()).contains("loopback");
        }
    }

    @Test
    void theTestSwitchOpensBoth() throws IOException, FetchException {
        MojazConfig config = config("  allow-private-addresses: true\n");
        try (Store store = Store.open(config.store(), dir, clock);
             SourcePipeline pipeline = new SourcePipeline(config, store, clock)) {
            assertThat(pollOnce(pipeline).stored()).isEqualTo(1);
            assertThat(pipeline.fetcher().fetch(FetchRequest.page(site.url("/a/1"))).status()).isEqualTo(200);
        }
    }
}
