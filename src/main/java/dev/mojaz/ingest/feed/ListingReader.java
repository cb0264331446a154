package dev.mojaz.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Reads a listing page (a section front, "latest news"): the source's CSS selector picks the article links. A
 * selected element that is not itself a link contributes its first link, so a selector may name the teaser
 * ({@code article.teaser}) or the anchor ({@code h3 a}).
 */
public final class ListingReader {

    /** The links {@code selector} picks on the page, in page order, without repeats. */
    public Feed read(byte[] body, String contentType, URI url, String selector) throws FeedFormatException {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url.toString());
        } catch (IOException e) {
            throw new FeedFormatException("unreadable page: " + e.getMessage(), e);
        }
        Elements selected;
        try {
            selected = document.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new FeedFormatException("invalid link-selector '" + selector + "': " + e.getMessage(), e);
        }
        Set<URI> seen = new LinkedHashSet<>();
        List<FeedEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Element element : selected) {
            Element anchor = element.is("a[href]") ? element : element.selectFirst("a[href]");
            if (anchor == null) {
                continue;
            }
            Optional<URI> link = Links.resolve(url, anchor.attr("href"));
            if (link.isEmpty()) {
                problems.add("link '" + anchor.attr("href") + "' is not an http or https URL");
                continue;
            }
            if (seen.add(link.get())) {
                String title = anchor.text().isBlank() ? element.text() : anchor.text();
                entries.add(new FeedEntry(null, link.get(), title, "", null, null));
            }
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add("link-selector '" + selector + "' matched no links");
        }
        return new Feed(document.title(), entries, problems);
    }

    /** The charset the server declared, when Java knows it; otherwise Jsoup looks at the BOM and meta tags. */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
