package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.ingest.FixtureSite;
import dev.mojaz.ingest.Fixtures.Item;
import dev.mojaz.ingest.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch --once} and {@code sources} run in-process against a local site. */
@Tag("fast")
class SourceCommandsTest {
    @TempDir
    Path dir;

    private FixtureSite site;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        site = new FixtureSite();
        String base = site.base();
        site.xml("/feed.xml", Fixtures.rss("محلي", List.of(
                new Item("الخبر الأول", base + "/a/1", "g1", null),
                new Item("الخبر الثاني", base + "/a/2", "g2", "نص الخبر الثاني في الخلاصة."))));
        site.html("/a/1", Fixtures.articlePage("الخبر الأول", Fixtures.paragraphs(Fixtures.seed("003_3a0528656e2a16ca")), null));
        cli = new CliRunner(dir, Map.of(), Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws IOException {
        site.close();
    }

    private void config(boolean allowPrivate, String... sources) throws IOException {
        StringBuilder yaml = new StringBuilder("fetch:\n  allow-private-addresses: " + allowPrivate + "\n  max-retries: 0\n"
                + "sources:\n");
        for (String source : sources) {
            yaml.append("  - id: ").append(source).append("\n    name: \"مصدر ").append(source).append("\"\n")
                    .append("    feed: ").append(site.url("/" + source + ".xml")).append("\n");
        }
        Files.writeString(dir.resolve("mojaz.yaml"), yaml.toString());
    }

    @Test
    void fetchOncePollsEverySourceAndReportsWhatItDid() throws IOException {
        config(true, "feed", "missing");

        CliRunner.Result result = cli.run("fetch", "--once", "--config", "mojaz.yaml");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("feed: 2 entries: 2 new, 0 joined a story, 0 duplicates, 0 failed");
        assertThat(lines.get(1)).isEqualTo("  feed text: " + site.url("/a/2") + ": stored the feed's text: "
                + site.url("/a/2") + ": HTTP 404 Not Found");
        assertThat(lines.get(2)).startsWith("missing: FAILED: " + site.url("/missing.xml") + ": HTTP 404 Not Found (next poll in ");
        assertThat(lines.get(3)).isEqualTo("total: 2 sources polled, 2 new articles, 1 source failed");

        // The SQLite store keeps what the run did: a second run finds both articles already stored,
        // and the sources command shows the health recorded by the first.
        CliRunner.Result again = cli.run("fetch", "--once", "--source", "feed", "--config", "mojaz.yaml");
        assertThat(again.out().lines().findFirst().orElseThrow()).contains("0 new");
        CliRunner.Result health = cli.run("sources", "--config", "mojaz.yaml");
        assertThat(health.out()).contains("missing").contains("HTTP 404 Not Found");
    }

    @Test
    void fetchOnceExitsOneWhenEverySourceFailed() throws IOException {
        config(true, "missing");

        CliRunner.Result result = cli.run("fetch", "--once", "--config", "mojaz.yaml");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.out()).contains("1 source failed");
    }

    @Test
    void privateAddressesAreRefusedUnlessTheConfigAllowsThem() throws IOException {
        config(false, "feed");

        CliRunner.Result result = cli.run("fetch", "--once", "--config", "mojaz.yaml");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.out()).startsWith("feed: FAILED: " + site.url("/feed.xml") + ": refused: loopback address 127.0.0.1");
        assertThat(site.requests).isEmpty();
    }

    @Test
    void fetchNeedsOnceAndKnownSourceIds() throws IOException {
        config(true, "feed");

        CliRunner.Result noOnce = cli.run("fetch", "--config", "mojaz.yaml");
        assertThat(noOnce.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noOnce.err().strip()).isEqualTo("mojaz fetch: give --once (continuous polling is part of 'run')");

        CliRunner.Result unknown = cli.run("fetch", "--once", "--source", "nope", "--config", "mojaz.yaml");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err().strip()).isEqualTo("mojaz fetch: no source with id 'nope' (see 'mojaz sources')");
    }

    @Test
    void sourcesListsEverySourceWithItsHealth() throws IOException {
        config(true, "feed", "other");

        CliRunner.Result result = cli.run("sources", "--config", "mojaz.yaml");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "feed [مصدر feed] feed, every 10m, enabled",
                "  " + site.url("/feed.xml"),
                "  health: never polled",
                "other [مصدر other] feed, every 10m, enabled",
                "  " + site.url("/other.xml"),
                "  health: never polled",
                "2 sources, 2 enabled");
    }

    @Test
    void opmlImportAndExport() throws IOException {
        config(true, "feed");
        Files.writeString(dir.resolve("in.opml"), """
                <?xml version="1.0"?>
                <opml version="2.0"><body>
                  <outline type="rss" text="DW Arabic" xmlUrl="https://rss.dw.com/rdf/rss-ar-all"/>
                  <outline type="rss" text="again" xmlUrl="%s"/>
                </body></opml>
                """.formatted(site.url("/feed.xml")));

        CliRunner.Result imported = cli.run("sources", "import", "in.opml", "--config", "mojaz.yaml");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out().lines()).containsExactly(
                "imported dw-arabic [DW Arabic] https://rss.dw.com/rdf/rss-ar-all",
                "skipped 'again': already present as feed",
                "1 imported, 1 skipped");

        CliRunner.Result exported = cli.run("sources", "export", "--config", "mojaz.yaml");
        assertThat(exported.exitCode()).isZero();
        assertThat(exported.out()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("mojaz:id=\"feed\"").contains("xmlUrl=\"" + site.url("/feed.xml") + "\"")
                .contains("mojaz:id=\"dw-arabic\""); // the import was kept in the store

        CliRunner.Result toFile = cli.run("sources", "export", "out.opml", "--config", "mojaz.yaml");
        assertThat(toFile.out().strip()).isEqualTo("exported 2 sources to out.opml");
        assertThat(Files.readString(dir.resolve("out.opml"))).isEqualTo(exported.out());
    }

    @Test
    void importingAMissingOrBrokenFileIsAUsageError() throws IOException {
        config(true, "feed");
        Files.writeString(dir.resolve("broken.opml"), "<opml><body>");

        CliRunner.Result missing = cli.run("sources", "import", "nothing.opml", "--config", "mojaz.yaml");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err().strip()).isEqualTo("mojaz sources import: nothing.opml: file not found");

        CliRunner.Result broken = cli.run("sources", "import", "broken.opml", "--config", "mojaz.yaml");
        assertThat(broken.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(broken.err()).startsWith("mojaz sources import: broken.opml: not valid XML at line 1: ");
    }
}
