package dev.mojaz.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.config.SourceConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class OpmlTest {
    private static final String READER_EXPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
              <head><title>My feeds</title></head>
              <body>
                <outline text="أخبار" title="أخبار">
                  <outline type="rss" text="BBC Arabic" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml" htmlUrl="https://www.bbc.com/arabic"/>
                  <outline type="rss" text="الجزيرة" xmlUrl="https://www.aljazeera.net/xml/rss/all.xml"/>
                  <outline type="rss" text="الجزيرة" xmlurl="https://www.aljazeera.net/xml/rss/other.xml"/>
                </outline>
                <outline type="link" text="A blog" url="https://blog.example/"/>
                <outline type="rss" text="Broken" xmlUrl="ftp://files.example/feed"/>
                <outline type="rss" text="Spaces" xmlUrl="https://x.example/a feed"/>
                <outline type="rss" text="Bad interval" xmlUrl="https://y.example/rss" xmlns:mojaz="https://mojaz.dev/ns/opml" mojaz:interval="soon"/>
              </body>
            </opml>
            """;

    private static SourceConfig feed(String id, String url) {
        return new SourceConfig(id, id, "ar", URI.create(url), null, null, null, null);
    }

    @Test
    void importsTheFeedsOfAReadersExportWalkingIntoCategories() throws Exception {
        List<SourceConfig> existing = List.of(feed("bbc-arabic", "https://feeds.bbci.co.uk/arabic/rss.xml"));

        Opml.ImportResult result = Opml.read(READER_EXPORT.getBytes(StandardCharsets.UTF_8), existing);

        assertThat(result.sources()).extracting(SourceConfig::id)
                .containsExactly("aljazeera-net", "aljazeera-net-2", "spaces");
        assertThat(result.sources().get(2).feed()).isEqualTo(URI.create("https://x.example/a%20feed"));
        assertThat(result.sources().get(0).name()).isEqualTo("الجزيرة");
        assertThat(result.sources().get(0).feed()).isEqualTo(URI.create("https://www.aljazeera.net/xml/rss/all.xml"));
        assertThat(result.sources().get(0).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(result.sources().get(0).enabled()).isTrue();
        assertThat(result.skipped()).containsExactly(
                "'BBC Arabic': already present as bbc-arabic",
                "'A blog': a link, not a feed (no xmlUrl)",
                "'Broken': 'ftp://files.example/feed' is not an http or https URL",
                "'Bad interval': interval 'soon' is not a duration such as 10m");
    }

    @Test
    void anExportImportsBackUnchanged() throws Exception {
        List<SourceConfig> sources = List.of(
                new SourceConfig("bbc-arabic", "BBC عربي", "ar", URI.create("https://feeds.bbci.co.uk/arabic/rss.xml"),
                        null, null, Duration.ofMinutes(10), true),
                new SourceConfig("sana", "سانا \"الرسمية\" & <شركاؤها>", "ar", URI.create("https://sana.sy/?feed=rss2&x=1"),
                        null, null, Duration.ofMinutes(15), false),
                new SourceConfig("latest", "آخر الأخبار", "en", null, URI.create("https://news.example/latest"),
                        "article.teaser h3 > a[href]", Duration.ofHours(1), true));

        String opml = Opml.write(sources, Instant.parse("2026-11-20T10:00:00Z"));
        Opml.ImportResult back = Opml.read(opml.getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(opml).contains("<dateCreated>Fri, 20 Nov 2026 10:00:00 GMT</dateCreated>")
                .contains("xmlUrl=\"https://sana.sy/?feed=rss2&amp;x=1\"");
        assertThat(back.skipped()).isEmpty();
        assertThat(back.sources()).isEqualTo(sources);
    }

    @Test
    void doctypesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://a.example/rss\"/></body></opml>";
        assertThatThrownBy(() -> Opml.read(xxe.getBytes(StandardCharsets.UTF_8), List.of()))
                .isInstanceOf(OpmlException.class)
                .hasMessage("not valid XML at line 1: DOCTYPE declarations are not accepted");
    }

    @Test
    void notOpmlAtAllIsAClearError() {
        assertThatThrownBy(() -> Opml.read("<rss/>".getBytes(StandardCharsets.UTF_8), List.of()))
                .hasMessage("not an OPML file (root element <rss>)");
        assertThatThrownBy(() -> Opml.read("<opml><body>".getBytes(StandardCharsets.UTF_8), List.of()))
                .hasMessageStartingWith("not valid XML at line 1: ");
        assertThatThrownBy(() -> Opml.read("<opml version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8), List.of()))
                .hasMessage("OPML file has no <body>");
    }
}
