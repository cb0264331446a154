package dev.mojaz.ingest.catalog;

import dev.mojaz.common.Durations;
import dev.mojaz.config.InvalidValueException;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.ingest.feed.Links;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * OPML import and export of sources, the format feed readers exchange subscription lists in.
 *
 * <p>Import reads every {@code <outline>} with an {@code xmlUrl} as a feed source, walking into category outlines.
 * Export writes OPML 2.0 that any reader imports; what only Mojaz needs rides along in attributes of its own
 * namespace ({@code mojaz:id}, {@code mojaz:interval}, {@code mojaz:enabled}, and for listing pages
 * {@code mojaz:page} with {@code mojaz:link-selector}), so an export imports back unchanged. The XML is parsed with
 * DOCTYPE declarations refused, like feeds.
 */
public final class Opml {
    /** The namespace of Mojaz's own outline attributes. */
    public static final String NAMESPACE = "https://mojaz.dev/ns/opml";

    /**
     * What an import found.
     *
     * @param sources the new sources, with ids that are unique among themselves and the existing ones
     * @param skipped outlines not imported, one line each saying why
     */
    public record ImportResult(List<SourceConfig> sources, List<String> skipped) {
        public ImportResult {
            sources = List.copyOf(sources);
            skipped = List.copyOf(skipped);
        }
    }

    private Opml() {
    }

    /**
     * Reads the sources in an OPML document.
     *
     * @param existing the sources there already: their ids are not reused and their URLs are not imported twice
     */
    public static ImportResult read(byte[] xml, List<SourceConfig> existing) throws OpmlException {
        Element root = parse(xml).getDocumentElement();
        if (!root.getLocalName().equals("opml")) {
            throw new OpmlException("not an OPML file (root element <" + root.getLocalName() + ">)");
        }
        Element body = child(root, "body").orElseThrow(() -> new OpmlException("OPML file has no <body>"));
        Set<String> ids = new HashSet<>();
        Map<URI, String> urls = new HashMap<>();
        for (SourceConfig source : existing) {
            ids.add(source.id());
            urls.put(source.url(), source.id());
        }
        List<SourceConfig> sources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(body, ids, urls, sources, skipped);
        return new ImportResult(sources, skipped);
    }

    private static void walk(Element parent, Set<String> ids, Map<URI, String> urls, List<SourceConfig> sources,
                             List<String> skipped) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element outline) || !outline.getLocalName().equals("outline")) {
                continue;
            }
            String feed = attribute(outline, "xmlUrl");
            String page = mojaz(outline, "page");
            String name = attribute(outline, "text");
            if (name == null) {
                name = attribute(outline, "title");
            }
            if (feed == null && page == null) {
                if (attribute(outline, "url") != null || attribute(outline, "htmlUrl") != null) {
                    skipped.add("'" + name + "': a link, not a feed (no xmlUrl)");
                }
                walk(outline, ids, urls, sources, skipped); // a category: its children are the feeds
                continue;
            }
            String label = name != null ? "'" + name + "'" : feed != null ? feed : page;
            try {
                String raw = (feed != null ? feed : page).strip();
                Optional<URI> parsed = Links.resolve(null, raw); // lenient, as feed readers are: spaces get encoded
                if (parsed.isEmpty()) {
                    skipped.add(label + ": '" + raw + "' is not an http or https URL");
                    continue;
                }
                URI url = parsed.get();
                String already = urls.get(url);
                if (already != null) {
                    skipped.add(label + ": already present as " + already);
                    continue;
                }
                String id = id(mojaz(outline, "id"), name, url, ids);
                Duration interval = Optional.ofNullable(mojaz(outline, "interval"))
                        .map(text -> Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(
                                "interval '" + text + "' is not a duration such as 10m")))
                        .orElse(null);
                String enabled = mojaz(outline, "enabled");
                String language = Optional.ofNullable(mojaz(outline, "language")).orElse(attribute(outline, "language"));
                SourceConfig source = new SourceConfig(id, name, language, feed != null ? url : null,
                        feed != null ? null : url, feed != null ? null : mojaz(outline, "link-selector"), interval,
                        enabled == null ? null : !enabled.equalsIgnoreCase("false"));
                sources.add(source);
                ids.add(id);
                urls.put(url, id);
            } catch (InvalidValueException e) {
                skipped.add(label + ": " + e.key() + " " + e.getMessage());
            } catch (IllegalArgumentException e) {
                skipped.add(label + ": " + e.getMessage()); // a malformed interval
            }
        }
    }

    /** The outline's own id when usable, else one made from its name or host, made unique with -2, -3… */
    private static String id(String wanted, String name, URI url, Set<String> taken) {
        if (wanted != null && wanted.matches("[a-z0-9][a-z0-9-]{0,39}") && !taken.contains(wanted)) {
            return wanted;
        }
        String base = slug(name);
        if (base.length() < 2) {
            String host = url.getHost() == null ? "source" : url.getHost().toLowerCase(Locale.ROOT);
            base = slug(host.replaceFirst("^(www|feeds?|rss)\\.", ""));
        }
        if (base.length() < 2) {
            base = "source";
        }
        base = base.length() > 36 ? base.substring(0, 36).replaceAll("-+$", "") : base;
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Writes {@code sources} as an OPML 2.0 document. */
    public static String write(List<SourceConfig> sources, Instant created) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<opml version=\"2.0\" xmlns:mojaz=\"").append(NAMESPACE).append("\">\n");
        out.append("  <head>\n    <title>Mojaz sources</title>\n    <dateCreated>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)))
                .append("</dateCreated>\n  </head>\n  <body>\n");
        for (SourceConfig source : sources) {
            out.append("    <outline");
            attr(out, "text", source.name());
            attr(out, "title", source.name());
            if (source.isFeed()) {
                attr(out, "type", "rss");
                attr(out, "xmlUrl", source.feed().toString());
            } else {
                attr(out, "type", "link");
                attr(out, "url", source.page().toString());
                attr(out, "mojaz:page", source.page().toString());
                attr(out, "mojaz:link-selector", source.linkSelector());
            }
            attr(out, "language", source.language());
            attr(out, "mojaz:id", source.id());
            attr(out, "mojaz:interval", Durations.format(source.interval()));
            attr(out, "mojaz:enabled", String.valueOf(source.enabled()));
            out.append("/>\n");
        }
        out.append("  </body>\n</opml>\n");
        return out.toString();
    }

    private static void attr(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c >= 0x20 || c == 0x9) {
                        out.append(c); // other control characters cannot appear in XML 1.0 at all
                    }
                }
            }
        }
        out.append('"');
    }

    private static Document parse(byte[] xml) throws OpmlException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors are thrown, not printed to stderr
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE is disallowed")
                    ? "DOCTYPE declarations are not accepted" : e.getMessage();
            throw new OpmlException("not valid XML at line " + e.getLineNumber() + ": " + message, e);
        } catch (SAXException | IOException e) {
            throw new OpmlException("not valid XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** An OPML attribute (no namespace), matched without regard to case as readers write xmlUrl and xmlurl. */
    private static String attribute(Element element, String name) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (a.getNamespaceURI() == null && a.getLocalName().equalsIgnoreCase(name)) {
                String value = a.getNodeValue().strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String mojaz(Element element, String name) {
        String value = element.getAttributeNS(NAMESPACE, name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
