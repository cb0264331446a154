package dev.mojaz.bench.extract;

import java.net.URI;

/**
 * Another extractor measured beside Mojaz by {@code eval extraction} and {@code bench extract}. Implementations
 * outside the main jar (Readability4J in the {@code bench} build) are found with {@link java.util.ServiceLoader}.
 */
public interface ComparisonExtractor {

    /** The name printed in the results table. */
    String name();

    /** The main text of a page that is already decoded; {@code url} may be null. */
    String extractText(String html, URI url);
}
