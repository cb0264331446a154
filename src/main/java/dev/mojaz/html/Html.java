package dev.mojaz.html;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A piece of Telegram HTML that is safe to send: either escaped plain text or markup built from the
 * documented tags. Anything from the web enters through {@link #text(String)}.
 *
 * @param markup the HTML, well formed in Telegram's sense
 */
public record Html(String markup) {
    public static final Html EMPTY = new Html("");

    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    /** Plain text, escaped: {@code <}, {@code >} and {@code &} become entities. */
    public static Html text(String plain) {
        return new Html(escape(plain == null ? "" : plain));
    }

    /**
     * Markup written by us (a resource bundle template, a test), taken as it is. It is checked, so a typo in a
     * bundle fails where it is made rather than as a "can't parse entities" error from Telegram.
     */
    public static Html trusted(String markup) {
        TelegramHtml.validate(markup);
        return new Html(markup);
    }

    public static Html bold(Html inner) {
        return wrap("b", inner);
    }

    public static Html italic(Html inner) {
        return wrap("i", inner);
    }

    public static Html code(String plain) {
        return new Html("<code>" + escape(plain) + "</code>");
    }

    public static Html blockquote(Html inner) {
        return wrap("blockquote", inner);
    }

    /**
     * A link. Only {@code http}, {@code https} and {@code tg} links become anchors; anything else (a
     * {@code javascript:} URL from a hostile feed, say) is shown as the label alone.
     */
    public static Html link(String url, Html label) {
        String href = linkable(url);
        if (href == null) {
            return label;
        }
        return new Html("<a href=\"" + escapeAttribute(href) + "\">" + label.markup() + "</a>");
    }

    public static Html link(String url, String label) {
        return link(url, text(label));
    }

    /** The pieces one after another. */
    public static Html concat(Html... parts) {
        return new Html(Arrays.stream(parts).map(Html::markup).collect(Collectors.joining()));
    }

    /** The pieces with {@code separator} between them. */
    public static Html join(Html separator, Collection<Html> parts) {
        return new Html(parts.stream().map(Html::markup).collect(Collectors.joining(separator.markup())));
    }

    public Html append(Html more) {
        return new Html(markup + more.markup);
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    /** Length as Telegram counts it against the 4096 limit: UTF-16 code units of the text after parsing. */
    public int visibleLength() {
        return TelegramHtml.visibleLength(markup);
    }

    /** The text a reader sees: tags removed, entities decoded. */
    public String visibleText() {
        return TelegramHtml.parse(markup).text();
    }

    /** Escapes text for use between tags. Quotes are left alone: Telegram needs them escaped only in attributes. */
    public static String escape(String plain) {
        StringBuilder out = null;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(plain.length() + 16).append(plain, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? plain : out.toString();
    }

    /** Escapes text for a double-quoted attribute value. */
    public static String escapeAttribute(String plain) {
        return escape(plain).replace("\"", "&quot;");
    }

    private static Html wrap(String tag, Html inner) {
        return new Html("<" + tag + ">" + inner.markup() + "</" + tag + ">");
    }

    /**
     * The URL as it can go into an href, or null if it is not a web or Telegram link. Characters that feeds leave
     * raw but URLs may not hold (spaces, quotes, angle brackets) are percent-encoded first.
     */
    private static String linkable(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String cleaned = url.strip().replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
        try {
            URI uri = URI.create(cleaned);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = switch (scheme) {
                case "http", "https" -> uri.getHost() != null;
                case "tg" -> true;
                default -> false;
            };
            return ok ? cleaned : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return markup;
    }
}
