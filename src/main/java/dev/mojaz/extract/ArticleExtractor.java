package dev.mojaz.extract;

import dev.mojaz.text.BoilerplateFilter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article's metadata and main text from its HTML.
 *
 * <p>PLACEHOLDER: paragraph text only, UTF-8 only, until the extraction issue lands scoring, cleaning, metadata
 * and charset detection. Keep the API: ingest and the command line call the two {@code extract} methods.
 */
public final class ArticleExtractor {
    private final BoilerplateFilter boilerplate;

    public ArticleExtractor(BoilerplateFilter boilerplate) {
        this.boilerplate = Objects.requireNonNull(boilerplate, "boilerplate");
    }

    /**
     * Decodes raw bytes (charset from {@code contentType}, BOM, meta tags or detection) and extracts.
     *
     * @param contentType the HTTP Content-Type header, or null when the bytes came from a file
     */
    public ExtractedPage extract(byte[] html, String contentType, URI url) {
        return extract(new String(html, StandardCharsets.UTF_8), url);
    }

    /** Extracts from already-decoded HTML; {@code url} resolves relative links and may be null. */
    public ExtractedPage extract(String html, URI url) {
        Document document = url == null ? Jsoup.parse(html) : Jsoup.parse(html, url.toString());
        List<String> paragraphs = document.select("p").stream().map(Element::text)
                .filter(t -> !t.isBlank()).toList();
        return new ExtractedPage(url, url, document.title(), null, null, "ar", boilerplate.keep(paragraphs));
    }
}
