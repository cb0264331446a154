package dev.mojaz.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * Reads RSS 0.9x/1.0/2.0, RDF and Atom with Rome, with the XML made safe: DOCTYPE declarations are refused outright
 * (Rome's {@code allowDoctypes=false} sets the parser's {@code disallow-doctype-decl}), which also rules out
 * external entities and entity-expansion bombs such as billion laughs, and Rome turns external-entity loading off
 * besides. Rome's "XML healer" stays on: it repairs what real feeds get wrong (HTML entities such as
 * {@code &nbsp;}, junk before the prolog).
 *
 * <p>The character encoding comes from Rome's {@link XmlReader}: HTTP Content-Type, BOM, then the XML declaration.
 */
public final class FeedReader {

    /** Reads {@code body}, fetched from {@code url} with {@code contentType} (null when unknown). */
    public Feed read(byte[] body, String contentType, URI url) throws FeedFormatException {
        if (isBlank(body)) {
            throw new FeedFormatException("empty response: no feed there");
        }
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true);
            feed = input.build(reader);
        } catch (ParsingFeedException e) {
            if (cause(e).contains("DOCTYPE is disallowed") && !looksLikeHtml(body, contentType)) {
                throw new FeedFormatException("refused: the feed declares a DOCTYPE" + where(e)
                        + " (DTDs and entity declarations are not accepted, so entities are never expanded)", e);
            }
            throw notAFeed(body, contentType, "malformed XML" + where(e) + ": " + cause(e));
        } catch (IllegalArgumentException e) {
            // Rome's way of saying the XML is well-formed but no parser knows its root element.
            throw notAFeed(body, contentType, "not an RSS, RDF or Atom feed (root element " + rootElement(body) + ")");
        } catch (FeedException | IOException e) {
            throw notAFeed(body, contentType, "unreadable feed: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // Rome's converters are not hardened against every odd document; one bad feed must not escape as a crash.
            throw new FeedFormatException("unreadable feed: " + e.getClass().getSimpleName() + ": "
                    + oneLine(e.getMessage()), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            Optional<URI> link = link(entry, url);
            if (link.isEmpty()) {
                problems.add("entry " + index + " (" + describe(entry) + "): no http or https link");
                continue;
            }
            entries.add(new FeedEntry(entry.getUri(), link.get(), plain(entry.getTitle()), text(entry),
                    instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()),
                    entry.getAuthor()));
        }
        return new Feed(plain(feed.getTitle()), entries, problems);
    }

    /** The entry's link, its alternate link, or its guid when that is a URL. */
    private static Optional<URI> link(SyndEntry entry, URI base) {
        Optional<URI> link = Links.resolve(base, entry.getLink());
        if (link.isPresent()) {
            return link;
        }
        if (entry.getLinks() != null) {
            for (SyndLink candidate : entry.getLinks()) {
                if (candidate.getRel() == null || candidate.getRel().equals("alternate")) {
                    link = Links.resolve(base, candidate.getHref());
                    if (link.isPresent()) {
                        return link;
                    }
                }
            }
        }
        String uri = entry.getUri();
        return uri != null && uri.regionMatches(true, 0, "http", 0, 4) ? Links.resolve(base, uri) : Optional.empty();
    }

    /** The entry's full content when it has some, else its description, as plain paragraphs. */
    private static String text(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        if (entry.getContents() != null) {
            for (SyndContent content : entry.getContents()) {
                if (content != null && content.getValue() != null) {
                    html.append(content.getValue()).append('\n');
                }
            }
        }
        String text = HtmlText.text(html.toString());
        if (text.isEmpty() && entry.getDescription() != null) {
            text = HtmlText.text(entry.getDescription().getValue());
        }
        return text;
    }

    private static String describe(SyndEntry entry) {
        String title = plain(entry.getTitle());
        if (!title.isEmpty()) {
            return "'" + (title.length() > 60 ? title.substring(0, 60) + "…" : title) + "'";
        }
        return entry.getUri() != null ? "guid " + entry.getUri() : "untitled";
    }

    /** Titles sometimes carry markup or entities: keep the text only. */
    private static String plain(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? Jsoup.parse(text).text().strip() : text.strip();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static FeedFormatException notAFeed(byte[] body, String contentType, String problem) {
        if (looksLikeHtml(body, contentType)) {
            return new FeedFormatException("not a feed: the URL serves an HTML page"
                    + (contentType == null ? "" : " (" + contentType + ")"));
        }
        return new FeedFormatException(problem);
    }

    /** An HTML page where a feed was expected: a moved feed often lands on the site's home page. */
    static boolean looksLikeHtml(byte[] body, String contentType) {
        String start = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean xmlRoot = start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf");
        return !xmlRoot && (start.contains("<html") || start.contains("<!doctype html") || type.startsWith("text/html"));
    }

    private static String rootElement(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([A-Za-z_][\\w:.-]*)").matcher(
                start.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", ""));
        return m.find() ? "<" + m.group(1) + ">" : "unknown";
    }

    private static String where(ParsingFeedException e) {
        return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
    }

    private static String cause(Exception e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return oneLine(deepest.getMessage() != null ? deepest.getMessage() : e.getMessage());
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    /** Nothing but whitespace, after an optional UTF-8 byte-order mark. */
    private static boolean isBlank(byte[] body) {
        boolean bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
        for (int i = bom ? 3 : 0; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
