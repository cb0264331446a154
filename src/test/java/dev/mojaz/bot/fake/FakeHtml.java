package dev.mojaz.bot.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake server's own reading of Telegram HTML, written apart from the bot's {@code TelegramHtml} on purpose so
 * that each checks the other. Errors read like Telegram's: {@code Can't find end tag corresponding to start tag
 * "b"}, {@code Unsupported start tag "br" at byte offset 12}.
 */
public final class FakeHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)?([^<>]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

    private FakeHtml() {
    }

    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    /** The text Telegram would show, or a ParseException with Telegram's complaint. */
    public static String parse(String html) throws ParseException {
        StringBuilder text = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt() || tag.group(2) == null) {
                    throw new ParseException("Unsupported start tag \"\" at byte offset " + byteOffset(html, i));
                }
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                if (tag.group(1).isEmpty()) {
                    if (!TAGS.contains(name)) {
                        throw new ParseException("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(html, i));
                    }
                    if (name.equals("a") && !tag.group(3).trim().matches("(?s)href=(\"[^\"]*\"|'[^']*')")) {
                        throw new ParseException("Can't parse an href attribute at byte offset " + byteOffset(html, i));
                    }
                    open.push(name);
                } else {
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new ParseException("Unmatched end tag at byte offset " + byteOffset(html, i)
                                + ", expected \"</" + (open.isEmpty() ? "" : open.peek()) + ">\", found \"</" + name + ">\"");
                    }
                    open.pop();
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (entity.lookingAt()) {
                    text.append(decode(entity.group(1)));
                    i = entity.end();
                } else {
                    text.append('&');
                    i++;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new ParseException("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return text.toString();
    }

    private static String decode(String entity) {
        switch (entity) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                int cp = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                return new String(Character.toChars(cp));
        }
    }

    private static int byteOffset(String html, int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
