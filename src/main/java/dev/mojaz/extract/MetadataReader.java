package dev.mojaz.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads {@link PageMetadata} from a parsed page, before any cleaning (JSON-LD lives in script elements).
 *
 * <p>Precedence: JSON-LD of an article type (NewsArticle, Article, BlogPosting, ReportageNewsArticle…, also inside
 * {@code @graph}), then OpenGraph / article: properties, then plain meta tags and the document itself.
 */
final class MetadataReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();
    private static final Pattern ARTICLE_TYPE =
            Pattern.compile("(?i).*(Article|BlogPosting|Report|LiveBlogPosting)$");
    private static final Pattern LANGUAGE = Pattern.compile("(?i)^([a-z]{2,3})(?:[-_].*)?$");
    private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SPACE_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private MetadataReader() {
    }

    static PageMetadata read(Document doc, URI url) {
        JsonLdArticle ld = readJsonLd(doc);
        String title = first(ld.headline, meta(doc, "og:title"), meta(doc, "twitter:title"), documentTitle(doc));
        String byline = first(ld.author, metaAuthor(doc));
        Instant published = ld.published;
        if (published == null) {
            published = parseDate(first(meta(doc, "article:published_time"), meta(doc, "og:published_time"),
                    meta(doc, "datePublished"), meta(doc, "pubdate"), meta(doc, "publishdate"),
                    meta(doc, "parsely-pub-date"), meta(doc, "sailthru.date"), meta(doc, "dc.date"),
                    meta(doc, "dc.date.issued"), meta(doc, "date"), timeElement(doc)));
        }
        URI canonical = resolve(url, linkHref(doc, "canonical"));
        if (canonical == null) {
            canonical = resolve(url, meta(doc, "og:url"));
        }
        return new PageMetadata(clean(title), clean(byline), published, canonical, language(doc), ld.body);
    }

    /** The first non-blank value. */
    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String clean(String value) {
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    /** Content of a meta tag named by property, name or itemprop. */
    static String meta(Document doc, String key) {
        for (Element m : doc.getElementsByTag("meta")) {
            if (key.equalsIgnoreCase(m.attr("property")) || key.equalsIgnoreCase(m.attr("name"))
                    || key.equalsIgnoreCase(m.attr("itemprop"))) {
                String content = m.attr("content");
                if (!content.isBlank()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String metaAuthor(Document doc) {
        for (String key : List.of("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "byl")) {
            String value = meta(doc, key);
            // article:author is often a profile URL, which is not a byline.
            if (value != null && !value.startsWith("http")) {
                return value.replaceFirst("(?i)^by\\s+", "");
            }
        }
        return null;
    }

    private static String documentTitle(Document doc) {
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        return doc.title();
    }

    private static String timeElement(Document doc) {
        Element time = doc.selectFirst("time[datetime]");
        return time == null ? null : time.attr("datetime");
    }

    private static String linkHref(Document doc, String rel) {
        for (Element link : doc.getElementsByTag("link")) {
            for (String r : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                if (r.equals(rel) && !link.attr("href").isBlank()) {
                    return link.attr("href");
                }
            }
        }
        return null;
    }

    /** {@code href} resolved against {@code base}; only absolute http(s) URLs are returned. */
    static URI resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(href.strip().replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String language(Document doc) {
        Element html = doc.selectFirst("html");
        List<String> candidates = new ArrayList<>();
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        for (Element m : doc.getElementsByTag("meta")) {
            if (m.attr("http-equiv").equalsIgnoreCase("content-language")) {
                candidates.add(m.attr("content"));
            }
        }
        candidates.add(meta(doc, "og:locale"));
        candidates.add(meta(doc, "language"));
        for (String c : candidates) {
            if (c != null) {
                var m = LANGUAGE.matcher(c.strip());
                if (m.matches()) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** Lenient date parsing: ISO instants, offsets with or without a colon, local date-times (UTC), plain dates. */
    static Instant parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s, SPACE_LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** The fields of the first JSON-LD object of an article type (fields missing there stay null). */
    private static final class JsonLdArticle {
        String headline;
        String author;
        Instant published;
        String body;
    }

    private static JsonLdArticle readJsonLd(Document doc) {
        JsonLdArticle found = new JsonLdArticle();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data().strip());
            } catch (Exception e) {
                continue; // broken JSON-LD is common; the other sources still apply
            }
            List<JsonNode> nodes = new ArrayList<>();
            collect(root, nodes, 0);
            for (JsonNode node : nodes) {
                if (!isArticle(node)) {
                    continue;
                }
                if (found.headline == null) {
                    found.headline = text(node.get("headline"));
                    if (found.headline == null) {
                        found.headline = text(node.get("name"));
                    }
                }
                if (found.author == null) {
                    found.author = authors(node.get("author"));
                }
                if (found.published == null) {
                    found.published = parseDate(text(node.get("datePublished")));
                    if (found.published == null) {
                        found.published = parseDate(text(node.get("dateCreated")));
                    }
                }
                if (found.body == null) {
                    found.body = text(node.get("articleBody"));
                }
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out, depth + 1);
            collect(node.get("mainEntity"), out, depth + 1);
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPE.matcher(t.asText()).matches()) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPE.matcher(type.asText()).matches();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("@value") ? node.get("@value") : node.get("name"));
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String authors(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(n -> {
                String name = text(n);
                if (name != null && !name.startsWith("http")) {
                    names.add(name);
                }
            });
        } else {
            String name = text(node);
            if (name != null && !name.startsWith("http")) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
