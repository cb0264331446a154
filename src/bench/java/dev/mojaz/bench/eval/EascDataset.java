package dev.mojaz.bench.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the EASC development set: one JSON object a line with {@code topic}, {@code source}, {@code url},
 * {@code article} and {@code refs} (an object of reference summaries keyed A..E, or a list).
 */
public final class EascDataset {
    private EascDataset() {
    }

    /**
     * Every article of the file, in order.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed record
     */
    public static List<EascArticle> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EascArticle> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    articles.add(parse(json.readTree(line)));
                } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                    throw new IllegalArgumentException(file + ":" + number + ": not an EASC record: " + message, e);
                }
            }
        }
        return articles;
    }

    static EascArticle parse(JsonNode node) {
        List<String> references = new ArrayList<>();
        JsonNode refs = node.path("refs");
        if (refs.isObject()) {
            for (Iterator<JsonNode> it = refs.elements(); it.hasNext(); ) {
                references.add(it.next().asText());
            }
        } else if (refs.isArray()) {
            refs.forEach(r -> references.add(r.asText()));
        }
        if (!node.path("article").isTextual()) {
            throw new IllegalArgumentException("missing \"article\"");
        }
        return new EascArticle(node.path("topic").asText(""), node.path("source").asText(""),
                node.path("url").asText(""), node.path("article").asText(), references);
    }
}
