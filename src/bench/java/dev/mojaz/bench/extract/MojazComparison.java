package dev.mojaz.bench.extract;

import dev.mojaz.ingest.extract.ArticleExtractor;
import java.net.URI;
import java.util.Objects;

/** Mojaz's own extractor seen through the comparison interface, so every extractor is run the same way. */
public final class MojazComparison implements ComparisonExtractor {
    private final ArticleExtractor extractor;

    public MojazComparison(ArticleExtractor extractor) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    @Override
    public String name() {
        return "Mojaz";
    }

    @Override
    public String extractText(String html, URI url) {
        return extractor.extract(html, url).text();
    }
}
