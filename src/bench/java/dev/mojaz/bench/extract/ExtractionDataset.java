package dev.mojaz.bench.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A dataset in the layout of the Scrapinghub article-extraction benchmark: {@code ground-truth.json} mapping each id
 * to {@code {"articleBody": ..., "url": ...}}, and the raw page bytes in {@code html/<id>.html.gz} (or
 * {@code html/<id>.html}). A page may also name its {@code "half"} ({@code "A"} or {@code "B"}): sets that are split once,
 * before anyone looks at them, so that one half can be kept untouched while the other is studied.
 */
public final class ExtractionDataset {

    /** One page: its raw bytes, the text a person marked as the article body, and its half (null when unsplit). */
    public record Page(String id, URI url, byte[] html, String expected, String half) {
    }

    private ExtractionDataset() {
    }

    /** Loads every page listed in {@code dir/ground-truth.json}, sorted by id. */
    public static List<Page> load(Path dir) throws IOException {
        Path truthFile = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new NoSuchFileException(truthFile.toString(), null, "no ground-truth.json in the dataset folder");
        }
        JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            byte[] html = readPage(dir.resolve("html"), id);
            JsonNode fields = entry.getValue();
            pages.add(new Page(id, uri(fields.path("url").asText(null)), html, fields.path("articleBody").asText(""),
                    fields.path("half").asText(null)));
        }
        pages.sort((a, b) -> a.id().compareTo(b.id()));
        return pages;
    }

    private static byte[] readPage(Path htmlDir, String id) throws IOException {
        Path gz = htmlDir.resolve(id + ".html.gz");
        if (Files.isRegularFile(gz)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                return in.readAllBytes();
            }
        }
        Path plain = htmlDir.resolve(id + ".html");
        if (Files.isRegularFile(plain)) {
            return Files.readAllBytes(plain);
        }
        throw new NoSuchFileException(gz.toString(), null, "page listed in ground-truth.json is missing");
    }

    private static URI uri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
