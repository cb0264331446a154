package dev.mojaz.ingest.extract;

/**
 * Cuts from the HTML, before it is parsed, what can never be article text: comments and the contents of
 * {@code script}, {@code style}, {@code svg}, {@code noscript} and {@code template} elements (JSON-LD scripts are
 * kept: metadata lives there). On real news pages that is more than half of the characters, and the parser's time
 * goes with them; a plain left-to-right scan with {@code indexOf} costs a fraction of what tokenising them does.
 *
 * <p>An element whose end tag is missing is left in place for the parser to deal with, so a broken page never loses
 * its text here. The one exception is a {@code <title>} that is never closed: the parser (like a browser) would read
 * the whole rest of the page as the title, so the title is closed where the next tag starts.
 */
final class HtmlPrefilter {
    private static final String[] RAW_ELEMENTS = {"script", "style", "svg", "noscript", "template"};

    private HtmlPrefilter() {
    }

    static String strip(String html) {
        return stripRawElements(closeRunawayTitle(html));
    }

    /** Where the head of a page is looked for: titles further in are not worth a scan. */
    private static final int HEAD_SCAN = 64 * 1024;

    /** The page with an unclosed {@code <title>} closed at the next tag; any other page unchanged. */
    static String closeRunawayTitle(String html) {
        int limit = Math.min(html.length(), HEAD_SCAN);
        for (int lt = html.indexOf('<'); lt >= 0 && lt < limit; lt = html.indexOf('<', lt + 1)) {
            int after = lt + 6;
            if (after < html.length() && html.regionMatches(true, lt + 1, "title", 0, 5)
                    && (html.charAt(after) == '>' || Character.isWhitespace(html.charAt(after)))) {
                int openEnd = html.indexOf('>', lt);
                if (openEnd < 0 || closingTagEnd(html, "title", openEnd + 1) >= 0) {
                    return html;
                }
                int next = html.indexOf('<', openEnd + 1);
                int at = next < 0 ? html.length() : next;
                return html.substring(0, at) + "</title>" + html.substring(at);
            }
        }
        return html;
    }

    /**
     * Where a search for the end of a comment, a start tag or a raw element's end tag is known to fail: a search that
     * found nothing from some position finds nothing from any later one either, and is not repeated. Without this a
     * page of many unclosed {@code <script>} tags (or {@code <!--}) would be scanned to its end once per tag.
     */
    private static final class KnownMisses {
        private final java.util.Map<String, Integer> from = new java.util.HashMap<>();

        boolean known(String what, int at) {
            Integer miss = from.get(what);
            return miss != null && at >= miss;
        }

        void miss(String what, int at) {
            from.merge(what, at, Math::min);
        }
    }

    private static String stripRawElements(String html) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int length = html.length();
        KnownMisses misses = new KnownMisses();
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= length) {
                break;
            }
            int end = -1;
            if (html.startsWith("!--", lt + 1)) {
                int close = misses.known("-->", lt + 4) ? -1 : html.indexOf("-->", lt + 4);
                if (close < 0) {
                    misses.miss("-->", lt + 4);
                }
                end = close < 0 ? -1 : close + 3;
            } else {
                String name = rawElementAt(html, lt + 1);
                if (name != null) {
                    int openEnd = misses.known(">", lt) ? -1 : html.indexOf('>', lt);
                    if (openEnd < 0) {
                        misses.miss(">", lt);
                    }
                    if (openEnd > 0 && !(name.equals("script") && isJsonLd(html, lt, openEnd))) {
                        end = misses.known(name, openEnd + 1) ? -1 : closingTagEnd(html, name, openEnd + 1);
                        if (end < 0) {
                            misses.miss(name, openEnd + 1);
                        }
                    }
                }
            }
            if (end < 0) {
                i = lt + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(html, copied, lt);
            copied = end;
            i = end;
        }
        if (out == null) {
            return html;
        }
        out.append(html, copied, length);
        return out.toString();
    }

    /** The raw element whose start tag begins at {@code at} (just after '<'), or null. */
    private static String rawElementAt(String html, int at) {
        char first = (char) (html.charAt(at) | 0x20); // lower case for ASCII letters
        if (first != 's' && first != 'n' && first != 't') {
            return null;
        }
        for (String name : RAW_ELEMENTS) {
            int after = at + name.length();
            if (after < html.length() && html.regionMatches(true, at, name, 0, name.length())) {
                char c = html.charAt(after);
                if (c == '>' || c == '/' || Character.isWhitespace(c)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static boolean isJsonLd(String html, int from, int to) {
        for (int i = from; i + 7 <= to; i++) {
            if (html.regionMatches(true, i, "ld+json", 0, 7)) {
                return true;
            }
        }
        return false;
    }

    /** The index just after {@code </name ...>} at or after {@code from}, or -1 when there is none. */
    private static int closingTagEnd(String html, String name, int from) {
        char first = name.charAt(0);
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (i + 2 < html.length() && (html.charAt(i + 2) | 0x20) == first
                    && html.regionMatches(true, i + 2, name, 0, name.length())) {
                int gt = html.indexOf('>', i + 2 + name.length());
                return gt < 0 ? -1 : gt + 1;
            }
        }
        return -1;
    }
}
