package dev.mojaz.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's HTML parse mode, as its server applies it: only the documented tags; the named entities
 * {@code &lt; &gt; &amp; &quot;} and numeric ones; an {@code &} that starts no entity is kept as it is; every
 * tag closed in order. The length limit (4096 for a message) is counted in UTF-16 code units of the parsed
 * text, which is what {@link #visibleLength(String)} returns.
 */
public final class TelegramHtml {
    /** The tags Telegram documents for HTML parse mode. */
    public static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");

    private TelegramHtml() {
    }

    /** One piece of markup: a start tag, an end tag, or one character of text (an entity counts as one). */
    public record Atom(Kind kind, String markup, String visible, String tag) {
        public enum Kind { TEXT, START, END }

        public boolean isTag() {
            return kind != Kind.TEXT;
        }
    }

    /** Parsed markup: the text a reader sees and the atoms it was made of. */
    public record Parsed(String text, List<Atom> atoms) {
    }

    /** Throws {@link InvalidHtmlException} when Telegram would refuse {@code markup}. */
    public static void validate(String markup) {
        parse(markup);
    }

    /** Whether Telegram would accept {@code markup}. */
    public static boolean isValid(String markup) {
        try {
            parse(markup);
            return true;
        } catch (InvalidHtmlException e) {
            return false;
        }
    }

    /** UTF-16 code units of the parsed text: the number Telegram compares with 4096. */
    public static int visibleLength(String markup) {
        return parse(markup).text().length();
    }

    public static Parsed parse(String markup) {
        List<Atom> atoms = new ArrayList<>();
        StringBuilder text = new StringBuilder(markup.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < markup.length()) {
            char c = markup.charAt(i);
            if (c == '<') {
                int close = markup.indexOf('>', i);
                if (close < 0) {
                    throw new InvalidHtmlException("unclosed tag at offset " + i);
                }
                String inside = markup.substring(i + 1, close);
                String tagMarkup = markup.substring(i, close + 1);
                if (inside.startsWith("/")) {
                    String name = inside.substring(1).trim().toLowerCase(Locale.ROOT);
                    if (open.isEmpty()) {
                        throw new InvalidHtmlException("unexpected end tag </" + name + "> at offset " + i);
                    }
                    if (!open.peek().equals(name)) {
                        throw new InvalidHtmlException("unmatched end tag at offset " + i + ", expected </"
                                + open.peek() + ">, found </" + name + ">");
                    }
                    open.pop();
                    atoms.add(new Atom(Atom.Kind.END, tagMarkup, "", name));
                } else {
                    String name = tagName(inside);
                    if (!TAGS.contains(name)) {
                        throw new InvalidHtmlException("unsupported start tag \"" + name + "\" at offset " + i);
                    }
                    checkAttributes(name, inside.substring(name.length()), i);
                    open.push(name);
                    atoms.add(new Atom(Atom.Kind.START, tagMarkup, "", name));
                }
                i = close + 1;
            } else if (c == '&') {
                int end = markup.indexOf(';', i);
                String decoded = end < 0 || end - i > 10 ? null : decodeEntity(markup.substring(i + 1, end));
                if (decoded != null) {
                    atoms.add(new Atom(Atom.Kind.TEXT, markup.substring(i, end + 1), decoded, ""));
                    text.append(decoded);
                    i = end + 1;
                } else {
                    atoms.add(new Atom(Atom.Kind.TEXT, "&", "&", ""));
                    text.append('&');
                    i++;
                }
            } else {
                int width = Character.charCount(markup.codePointAt(i));
                String ch = markup.substring(i, i + width);
                atoms.add(new Atom(Atom.Kind.TEXT, ch, ch, ""));
                text.append(ch);
                i += width;
            }
        }
        if (!open.isEmpty()) {
            throw new InvalidHtmlException("tag <" + open.peek() + "> is never closed");
        }
        return new Parsed(text.toString(), atoms);
    }

    private static String tagName(String inside) {
        int end = 0;
        while (end < inside.length() && !Character.isWhitespace(inside.charAt(end)) && inside.charAt(end) != '/') {
            end++;
        }
        return inside.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static void checkAttributes(String tag, String attributes, int offset) {
        String attrs = attributes.trim();
        if (attrs.endsWith("/")) {
            throw new InvalidHtmlException("self-closing tags are not supported, at offset " + offset);
        }
        switch (tag) {
            case "a" -> {
                if (!attrs.matches("(?s)href\\s*=\\s*(\"[^\"]*\"|'[^']*')")) {
                    throw new InvalidHtmlException("<a> needs exactly one quoted href attribute, at offset " + offset);
                }
            }
            case "span" -> {
                if (!attrs.matches("class\\s*=\\s*(\"tg-spoiler\"|'tg-spoiler')")) {
                    throw new InvalidHtmlException("<span> needs class=\"tg-spoiler\", at offset " + offset);
                }
            }
            case "tg-emoji" -> {
                if (!attrs.matches("emoji-id\\s*=\\s*(\"\\d+\"|'\\d+')")) {
                    throw new InvalidHtmlException("<tg-emoji> needs a numeric emoji-id, at offset " + offset);
                }
            }
            case "code" -> {
                if (!attrs.isEmpty() && !attrs.matches("class\\s*=\\s*(\"language-[\\w+#.-]+\"|'language-[\\w+#.-]+')")) {
                    throw new InvalidHtmlException("<code> takes only class=\"language-…\", at offset " + offset);
                }
            }
            case "blockquote" -> {
                if (!attrs.isEmpty() && !attrs.equals("expandable")) {
                    throw new InvalidHtmlException("<blockquote> takes only expandable, at offset " + offset);
                }
            }
            default -> {
                if (!attrs.isEmpty()) {
                    throw new InvalidHtmlException("<" + tag + "> takes no attributes, at offset " + offset);
                }
            }
        }
    }

    private static String decodeEntity(String name) {
        switch (name) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        try {
            int codePoint = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                    ? Integer.parseInt(name.substring(2), 16)
                    : Integer.parseInt(name.substring(1), 10);
            if (codePoint <= 0 || codePoint > Character.MAX_CODE_POINT
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                return null;
            }
            return new String(Character.toChars(codePoint));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
