package dev.mojaz.ingest.summary;

import java.util.List;

/** A summary: sentences exactly as written in the article, in article order. */
public record Summary(List<String> sentences) {
    public Summary {
        sentences = List.copyOf(sentences);
    }

    public boolean isEmpty() {
        return sentences.isEmpty();
    }

    /** The sentences, one per line. */
    public String text() {
        return String.join("\n", sentences);
    }
}
