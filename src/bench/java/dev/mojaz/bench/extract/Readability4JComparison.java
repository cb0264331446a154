package dev.mojaz.bench.extract;

import java.net.URI;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;

/** Readability4J 1.0.8 (a Kotlin port of Mozilla Readability) as a comparison; only in the bench build. */
public final class Readability4JComparison implements ComparisonExtractor {

    @Override
    public String name() {
        return "Readability4J 1.0.8";
    }

    @Override
    public String extractText(String html, URI url) {
        Article article = new Readability4J(url == null ? "" : url.toString(), html).parse();
        String text = article.getTextContent();
        return text == null ? "" : text;
    }
}
