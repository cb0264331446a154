package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("fast")
public class ExtractCommandTest {
    @TempDir
    Path dir;

    public static byte[] fixture(String name) throws IOException {
        try (InputStream in = ExtractCommandTest.class.getResourceAsStream("/dev/mojaz/ingest/extract/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    public static String expectedText(String page) throws IOException {
        String lines = new String(fixture(page.replace(".html", ".expected.txt")), StandardCharsets.UTF_8);
        return String.join("\n\n", lines.lines().filter(l -> !l.isBlank()).toList()) + "\n";
    }

    public static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void printsTheArticleTextOfAFileWithParagraphsSeparatedByOneBlankLine() throws IOException {
        Files.write(dir.resolve("page.html"), fixture("sana-utf8.html"));

        CliRunner.Result result = new CliRunner(dir).run("extract", "page.html");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(expectedText("sana-utf8.html"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void readsAWindows1256PageFromStandardInput() throws IOException {
        CliRunner.Result result = new CliRunner(dir).runWithInput(fixture("legacy-windows-1256.html"), "extract", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(expectedText("legacy-windows-1256.html"));
    }

    @Test
    void jsonAddsTheMetadata() throws IOException {
        Files.write(dir.resolve("page.html.gz"), gzip(fixture("modern-jsonld.html")));

        CliRunner.Result result = new CliRunner(dir).run("extract", "--format", "json", "--url",
                "https://daily.example/x", "page.html.gz");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("title").asText()).isEqualTo("موسكو تدعو واشنطن لسحب قواتها المتمركزة بشكل غير شرعي في سورية");
        assertThat(json.get("byline").asText()).isEqualTo("سامر الخطيب, ليلى حسن");
        assertThat(json.get("published").asText()).isEqualTo("2019-02-01T07:30:00Z");
        assertThat(json.get("language").asText()).isEqualTo("ar");
        assertThat(json.get("url").asText()).isEqualTo("https://daily.example/x");
        assertThat(json.get("canonical_url").asText()).startsWith("https://daily.example/world/2019/02/01/");
        assertThat(json.get("text").asText() + "\n").isEqualTo(expectedText("modern-jsonld.html"));
        assertThat(json.get("paragraphs")).hasSize(28);
    }

    @Test
    void aPageWithNoArticleIsAFailureThatSaysSo() throws IOException {
        Files.writeString(dir.resolve("home.html"), "<html><body><nav><a href=/a>Home</a></nav></body></html>");

        CliRunner.Result result = new CliRunner(dir).run("extract", "home.html");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).isEqualTo("mojaz extract: no article text found in home.html\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badInputIsAUsageError() throws IOException {
        CliRunner runner = new CliRunner(dir);
        Files.write(dir.resolve("broken.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));

        assertThat(runner.run("extract", "missing.html").err()).isEqualTo("mojaz extract: no such file: missing.html\n");
        assertThat(runner.run("extract", "missing.html").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(runner.run("extract", "--format", "xml", "x").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(runner.run("extract", "a", "b").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(runner.run("extract", "--url", "ftp://x", "-").exitCode()).isEqualTo(ExitCode.USAGE);
        CliRunner.Result gz = runner.run("extract", "broken.gz");
        assertThat(gz.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(gz.err()).contains("broken.gz").contains("not valid gzip");
    }

    @Test
    void aUrlIntoAPrivateNetworkIsRefusedByDefault() {
        CliRunner.Result result = new CliRunner(dir).run("extract", "http://127.0.0.1:9/article");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("mojaz extract: http://127.0.0.1:9/article: ").contains("loopback");
    }

    @Test
    void aUrlIsFetchedOverHttpWhenTheConfigurationAllowsTheAddress() throws Exception {
        byte[] page = fixture("legacy-windows-1256.html");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/article", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=windows-1256");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/mojaz.yaml"), "fetch:\n  allow-private-addresses: true\n");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/article";

            CliRunner.Result result = new CliRunner(dir).run("extract", url);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo(expectedText("legacy-windows-1256.html"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aUrlGoesThroughTheInjectedLoader() throws IOException {
        byte[] page = fixture("legacy-windows-1256.html");
        PageLoader loader = url -> new PageLoader.Page(page, "text/html; charset=windows-1256",
                URI.create(url + "?final"));
        var out = new ByteArrayOutputStream();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of(), dir, Clock.systemUTC());

        int code = new CommandLine(new ExtractCommand(context, loader))
                .execute("--format", "json", "https://old.example/news/1.htm");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("url").asText()).isEqualTo("https://old.example/news/1.htm?final");
        assertThat(json.get("text").asText() + "\n").isEqualTo(expectedText("legacy-windows-1256.html"));
    }

    @Test
    void batchWritesOneTextFilePerPageAndGoesOnPastFailures() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.html"), fixture("sana-utf8.html"));
        Files.write(in.resolve("b.html.gz"), gzip(fixture("legacy-windows-1256.html")));
        Files.write(in.resolve("c.html.gz"), "truncated".getBytes(StandardCharsets.UTF_8));
        Files.writeString(in.resolve("d.html"), "<html><body></body></html>");
        Files.write(in.resolve("e.htm"), fixture("br-separated.html"));

        CliRunner.Result result = new CliRunner(dir).run("extract", "--batch", "in", "out");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        Path out = dir.resolve("out");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("a.html.txt", "b.html.gz.txt", "e.htm.txt"));
        }
        assertThat(Files.readString(out.resolve("a.html.txt"))).isEqualTo(expectedText("sana-utf8.html"));
        assertThat(Files.readString(out.resolve("b.html.gz.txt"))).isEqualTo(expectedText("legacy-windows-1256.html"));
        assertThat(Files.readString(out.resolve("e.htm.txt"))).isEqualTo(expectedText("br-separated.html"));
        assertThat(result.err()).contains("skipped c.html.gz: not valid gzip")
                .contains("skipped d.html: no article text found")
                .contains("3 of 5 pages extracted");
    }

    @Test
    void batchOfGoodPagesSucceeds() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.html"), fixture("div-paragraphs.html"));

        CliRunner.Result result = new CliRunner(dir).run("extract", "--batch", "in", "out");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("out/a.html.txt"))).isEqualTo(expectedText("div-paragraphs.html"));
    }

    @Test
    void batchNeedsTwoFolders() {
        CliRunner.Result result = new CliRunner(dir).run("extract", "--batch", "nowhere", "out");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("not a folder");
        assertThat(new CliRunner(dir).run("extract", "--batch", "in").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
