package dev.mojaz.ingest.extract;

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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

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

    /** The elements metadata comes from, gathered in one walk over the document. */
    private static final class Sources implements NodeVisitor {
        final Map<String, String> metas = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        String canonical;
        String h1;
        String time;
        String lang;
        private int openH1s;

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "meta" -> {
                    String content = e.attr("content");
                    if (!content.isBlank()) {
                        for (String attribute : META_KEYS) {
                            String key = e.attr(attribute);
                            if (!key.isEmpty()) {
                                metas.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
                            }
                        }
                    }
                }
                case "link" -> {
                    if (canonical == null && !e.attr("href").isBlank()
                            && e.attr("rel").toLowerCase(Locale.ROOT).contains("canonical")) {
                        canonical = e.attr("href");
                    }
                }
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        jsonLd.add(e.data());
                    }
                }
                case "h1" -> {
                    // Only an outermost h1 is read: one inside it has no text the outer one lacks, and reading
                    // each nested one would read the same text again and again (quadratic on a page of nested h1s).
                    if (h1 == null && openH1s == 0 && !e.text().isBlank()) {
                        h1 = e.text();
                    }
                    openH1s++;
                }
                case "time" -> {
                    if (time == null && !e.attr("datetime").isBlank()) {
                        time = e.attr("datetime");
                    }
                }
                case "html" -> {
                    if (lang == null) {
                        lang = e.hasAttr("lang") ? e.attr("lang") : e.attr("xml:lang");
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && e.normalName().equals("h1")) {
                openH1s--;
            }
        }
    }

    private static final String[] META_KEYS = {"property", "name", "itemprop", "http-equiv"};

    static PageMetadata read(Document doc, URI url) {
        Sources sources = new Sources();
        NodeTraversor.traverse(sources, doc);
        Function<String, String> meta = key -> sources.metas.get(key.toLowerCase(Locale.ROOT));
        JsonLdArticle ld = readJsonLd(sources.jsonLd);
        String title = first(ld.headline, meta.apply("og:title"), meta.apply("twitter:title"), sources.h1, doc.title());
        String byline = first(ld.author, metaAuthor(meta));
        Instant published = ld.published;
        if (published == null) {
            published = parseDate(first(meta.apply("article:published_time"), meta.apply("og:published_time"),
                    meta.apply("datepublished"), meta.apply("pubdate"), meta.apply("publishdate"),
                    meta.apply("parsely-pub-date"), meta.apply("sailthru.date"), meta.apply("dc.date"),
                    meta.apply("dc.date.issued"), meta.apply("date"), sources.time));
        }
        URI canonical = resolve(url, sources.canonical);
        if (canonical == null) {
            canonical = resolve(url, meta.apply("og:url"));
        }
        return new PageMetadata(clean(title), clean(byline), published, canonical, language(sources.lang, meta), ld.body);
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

    private static String metaAuthor(Function<String, String> meta) {
        for (String key : List.of("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "byl")) {
            String value = meta.apply(key);
            // article:author is often a profile URL, which is not a byline.
            if (value != null && !value.startsWith("http")) {
                return value.replaceFirst("(?i)^by\\s+", "");
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

    private static String language(String htmlLang, Function<String, String> meta) {
        List<String> candidates = new ArrayList<>();
        candidates.add(htmlLang);
        candidates.add(meta.apply("content-language"));
        candidates.add(meta.apply("og:locale"));
        candidates.add(meta.apply("language"));
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

    private static JsonLdArticle readJsonLd(List<String> scripts) {
        JsonLdArticle found = new JsonLdArticle();
        for (String script : scripts) {
            JsonNode root;
            try {
                root = JSON.readTree(script.strip());
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
