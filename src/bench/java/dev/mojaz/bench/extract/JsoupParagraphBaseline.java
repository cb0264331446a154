package dev.mojaz.bench.extract;

import java.net.URI;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The plain baseline: the text of every {@code <p>} of the page, in order, nothing else. */
public final class JsoupParagraphBaseline implements ComparisonExtractor {

    @Override
    public String name() {
        return "Jsoup paragraphs (baseline)";
    }

    @Override
    public String extractText(String html, URI url) {
        return Jsoup.parse(html, url == null ? "" : url.toString()).select("p").stream()
                .map(Element::text)
                .filter(t -> !t.isBlank())
                .collect(Collectors.joining("\n\n"));
    }
}
