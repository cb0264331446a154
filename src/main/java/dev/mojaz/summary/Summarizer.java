package dev.mojaz.summary;

import dev.mojaz.config.SummaryConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one entry point for summaries.
 *
 * <p>PLACEHOLDER: takes the first sentences until the summariser issue lands the ranker. Keep this API: ingest,
 * the bot and the command line call {@link #summarize(String, String)} and {@link #summarize(String, String,
 * SummaryLength)}.
 */
public final class Summarizer {
    private final SummaryConfig config;

    public Summarizer(SummaryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A summary of the default length (about three sentences, at most about 600 characters). */
    public Summary summarize(String title, String text) {
        return summarize(title, text, defaultLength());
    }

    /** The default length from the configuration. */
    public SummaryLength defaultLength() {
        return SummaryLength.sentences(config.sentences()).capped(config.maxCharacters());
    }

    /** A summary of {@code text}; {@code title} may be null or empty. */
    public Summary summarize(String title, String text, SummaryLength length) {
        List<String> sentences = Arrays.stream(text.split("(?<=[.!?؟])\\s+|\\n+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        int n = length.sentences() > 0 ? length.sentences() : 3;
        return new Summary(sentences.subList(0, Math.min(n, sentences.size())));
    }
}
