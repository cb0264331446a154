package dev.mojaz.ingest.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flattens markup that nests deeper than {@link #MAX_DEPTH} levels, before it is parsed: a start tag that would open
 * an element below that depth is cut out of the markup together with its end tag, so its text stays and lands in the
 * deepest element kept. A page that never goes that deep comes back as the very same string.
 *
 * <p>Why before parsing: the parser (jsoup 1.21) has no depth limit of its own, and below a hundred open elements
 * each start tag costs it a scan of a hundred of them, so 60,000 nested {@code <div>}s (660 KB) took seconds to parse
 * before extraction even began. Browsers stop nesting at 512 levels; real article pages go 10 to 50 levels deep (the
 * deepest of the 181 benchmark pages: 51). 256 is five times that, and below it nothing is flattened.
 *
 * <p>How deep an element is can only be known by building the tree, which is the parser's job. This class follows
 * the HTML tree-building rules that decide depth closely enough: which end tags close what (within the parser's
 * search limit of 100 open elements, and not through tables or other scope boundaries), which start tags close an
 * open {@code <p>}, {@code <li>}, table row or cell, void and raw-text elements, foreign (SVG, MathML) content where
 * {@code <x/>} is empty. It is a count, not a parser: where the parser adds elements of its own (the {@code tbody} of
 * a table, formatting elements it reopens) the tree comes out somewhat deeper than the count (nested tables: a third
 * deeper), and where the parser's adoption agency moves elements the count stays put. On the benchmark pages it is
 * within a few levels of the real depth; the time budget of {@link ArticleExtractor} covers any shape it misses.
 * Linear in the length of the markup: every lookup is a counter or an index kept per name.
 */
final class NestingCap {
    /** Open elements kept at most, not counting {@code html} and {@code body}. */
    static final int MAX_DEPTH = 256;

    /** How many open elements the parser looks through to decide whether an end tag's element is "in scope". */
    private static final int SCOPE_SEARCH = 100;

    private static final Set<String> VOID = TagSets.of("area", "base", "basefont", "bgsound", "br", "col", "command",
            "embed", "frame", "hr", "img", "image", "input", "keygen", "link", "meta", "param", "source", "track",
            "wbr");
    /** Elements whose content is text up to their own end tag (in HTML content, not in SVG or MathML). */
    private static final Set<String> RAW_TEXT = TagSets.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes");
    /** The HTML standard's "special" elements: an end tag for anything else is ignored if one of these is above. */
    private static final Set<String> SPECIAL = TagSets.of("address", "applet", "area", "article", "aside", "base",
            "basefont", "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
            "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
            "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
            "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
            "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
            "title", "tr", "track", "ul", "wbr", "xmp");
    /** Elements an "in scope" search does not look past. */
    private static final Set<String> SCOPE_BOUNDARY = TagSets.of("applet", "caption", "html", "marquee", "object",
            "table", "td", "th", "template", "annotation-xml", "mi", "mn", "mo", "ms", "mtext", "desc",
            "foreignobject");
    /** Start tags that close an open {@code <p>} first. */
    private static final Set<String> CLOSES_P = TagSets.of("address", "article", "aside", "blockquote", "center",
            "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header",
            "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table",
            "ul", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt");
    /** End tags that close their element when it is in scope, and everything opened inside it. */
    private static final Set<String> BLOCK_END = TagSets.of("address", "article", "aside", "blockquote", "button",
            "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
            "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul",
            "applet", "marquee", "object", "dd", "dt");
    private static final Set<String> FORMATTING = TagSets.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
            "small", "strike", "strong", "tt", "u");
    private static final Set<String> HEADINGS = TagSets.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TABLE_PARTS = TagSets.of("caption", "colgroup", "tbody", "td", "tfoot", "th",
            "thead", "tr");
    /** HTML start tags that end SVG or MathML content (the parser pops back out to HTML). */
    private static final Set<String> FOREIGN_BREAKOUT = TagSets.of("b", "big", "blockquote", "body", "br", "center",
            "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
            "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
            "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font");
    /** SVG and MathML elements whose content is HTML again. */
    private static final Set<String> INTEGRATION_POINTS = TagSets.of("foreignobject", "desc", "title", "mi", "mo", "mn",
            "ms", "mtext", "annotation-xml");

    private static final Set<String> LIST_ITEM = Set.of("li");
    private static final Set<String> DEFINITION_ITEMS = Set.of("dd", "dt");
    private static final Set<String> ROW = Set.of("tr");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> SECTIONS = Set.of("tbody", "thead", "tfoot");
    private static final Set<String> TABLE = Set.of("table");
    private static final Set<String> TABLE_OR_ROW = Set.of("table", "tr");

    private NestingCap() {
    }

    /** {@code html} with everything below {@link #MAX_DEPTH} flattened; the same string when nothing is that deep. */
    static String apply(String html) {
        return apply(html, MAX_DEPTH);
    }

    static String apply(String html, int maxDepth) {
        return new Scan(html, maxDepth).run();
    }

    /** What is known of one tag name: its kind, where it is open on the stack, and how many were cut. */
    private static final class Name {
        final String name;
        final boolean special;
        final boolean boundary;
        int[] positions = new int[4];
        int open;
        int dropped;

        Name(String name) {
            this.name = name;
            this.special = SPECIAL.contains(name);
            this.boundary = SCOPE_BOUNDARY.contains(name);
        }

        /** Stack index of the innermost open element of this name, or -1. */
        int innermost() {
            return open == 0 ? -1 : positions[open - 1];
        }
    }

    /** One start or end tag as the tokenizer reads it. */
    private record Tag(String name, int end, boolean selfClosing) {
    }

    /**
     * The lower-case names of the tags met so far, found again without making a new string per tag: a page has
     * thousands of tags and a few dozen names.
     */
    private static final class TagNames {
        private String[] table = new String[64];
        private int count;

        String lowerCase(String source, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                char c = source.charAt(i);
                if (c >= 0x80) {
                    return source.substring(from, to).toLowerCase(Locale.ROOT); // rare: not worth remembering
                }
                hash = 31 * hash + asciiLowerCase(c);
            }
            int mask = table.length - 1;
            for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
                String known = table[slot];
                if (known == null) {
                    String name = source.substring(from, to).toLowerCase(Locale.ROOT);
                    add(name);
                    return name;
                }
                if (known.length() == to - from && known.regionMatches(true, 0, source, from, to - from)) {
                    return known;
                }
            }
        }

        private void add(String name) {
            if (++count * 2 > table.length) {
                String[] old = table;
                table = new String[old.length * 2];
                for (String known : old) {
                    if (known != null) {
                        place(known);
                    }
                }
            }
            place(name);
        }

        private void place(String name) {
            int mask = table.length - 1;
            int slot = mix(name.hashCode()) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = name;
        }

        private static int mix(int hash) {
            return hash ^ (hash >>> 16);
        }

        private static char asciiLowerCase(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }

    private static final class Scan {
        private final String html;
        private final int length;
        private final int maxDepth;
        private final Map<String, Name> names = new HashMap<>();
        private final TagNames tagNames = new TagNames();
        private final Name[] stack;
        private final boolean[] foreign;
        /** For each stack index, the index of the nearest special element at or below it, or -1. */
        private final int[] specialBelow;
        /** The same for scope boundaries. */
        private final int[] boundaryBelow;
        /** The same for HTML elements (not SVG or MathML). */
        private final int[] htmlBelow;
        private final Name p;
        private final Name button;
        private final Name table;
        private final Name select;
        private final Name form;
        private int size;
        private StringBuilder out;
        private int copied;

        Scan(String html, int maxDepth) {
            this.html = html;
            this.length = html.length();
            this.maxDepth = maxDepth;
            this.stack = new Name[maxDepth];
            this.foreign = new boolean[maxDepth];
            this.specialBelow = new int[maxDepth];
            this.boundaryBelow = new int[maxDepth];
            this.htmlBelow = new int[maxDepth];
            this.p = named("p");
            this.button = named("button");
            this.table = named("table");
            this.select = named("select");
            this.form = named("form");
        }

        String run() {
            int i = 0;
            while (i < length) {
                int lt = html.indexOf('<', i);
                if (lt < 0 || lt + 1 >= length) {
                    break;
                }
                char c = html.charAt(lt + 1);
                if (c == '!') {
                    i = afterDeclaration(lt);
                } else if (c == '?') {
                    i = after(html.indexOf('>', lt + 2));
                } else if (c == '/') {
                    i = endTag(lt);
                } else if (isAsciiLetter(c)) {
                    i = startTag(lt);
                } else {
                    i = lt + 1; // a '<' in text
                }
            }
            if (out == null) {
                return html;
            }
            return out.append(html, copied, length).toString();
        }

        // ---- tokenizing --------------------------------------------------------------------------------------

        /** Past a comment, doctype or CDATA section starting at {@code lt} ("<!"). */
        private int afterDeclaration(int lt) {
            if (html.startsWith("--", lt + 2)) { // a comment ends at "-->" or "--!>"
                int from = lt + 4;
                if (html.startsWith(">", from)) {
                    return from + 1; // <!-->
                }
                if (html.startsWith("->", from)) {
                    return from + 2; // <!--->
                }
                int close = html.indexOf("--", from);
                while (close >= 0) {
                    if (html.startsWith(">", close + 2)) {
                        return close + 3;
                    }
                    if (html.startsWith("!>", close + 2)) {
                        return close + 4;
                    }
                    close = html.indexOf("--", close + 1);
                }
                return length;
            }
            if (html.startsWith("[CDATA[", lt + 2)) {
                int close = html.indexOf("]]>", lt + 9);
                return close < 0 ? length : close + 3;
            }
            return after(html.indexOf('>', lt + 2));
        }

        private int after(int gt) {
            return gt < 0 ? length : gt + 1;
        }

        /**
         * The tag whose name starts at {@code from}, read as the tokenizer reads it (attribute values in quotes may
         * hold '>'), or null when the markup ends inside it (the parser drops such a tag).
         */
        private Tag readTag(int from) {
            int i = from;
            while (i < length && !isTagSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
                i++;
            }
            String name = tagNames.lowerCase(html, from, i);
            boolean selfClosing = false;
            while (i < length) {
                char c = html.charAt(i);
                if (c == '>') {
                    return new Tag(name, i + 1, selfClosing);
                }
                if (isTagSpace(c)) {
                    i++;
                    continue;
                }
                if (c == '/') {
                    selfClosing = i + 1 < length && html.charAt(i + 1) == '>';
                    i++;
                    continue;
                }
                selfClosing = false;
                i++; // the first character of an attribute name may be anything, '=' and quotes included
                while (i < length && !endsAttributeName(html.charAt(i))) {
                    i++;
                }
                while (i < length && isTagSpace(html.charAt(i))) {
                    i++;
                }
                if (i < length && html.charAt(i) == '=') {
                    i++;
                    while (i < length && isTagSpace(html.charAt(i))) {
                        i++;
                    }
                    if (i < length && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                        int close = html.indexOf(html.charAt(i), i + 1);
                        if (close < 0) {
                            return null;
                        }
                        i = close + 1;
                    } else {
                        while (i < length && !isTagSpace(html.charAt(i)) && html.charAt(i) != '>') {
                            i++;
                        }
                    }
                }
            }
            return null;
        }

        private static boolean endsAttributeName(char c) {
            return isTagSpace(c) || c == '/' || c == '>' || c == '=';
        }

        private static boolean isTagSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        /** Where the content of a raw-text element that starts at {@code from} ends: after its end tag. */
        private int afterRawText(String name, int from) {
            for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
                int after = i + 2 + name.length();
                if (after <= length && html.regionMatches(true, i + 2, name, 0, name.length())
                        && (after == length || isTagSpace(html.charAt(after)) || html.charAt(after) == '/'
                                || html.charAt(after) == '>')) {
                    Tag end = readTag(i + 2);
                    return end == null ? length : end.end();
                }
            }
            return length;
        }

        // ---- tree building -----------------------------------------------------------------------------------

        private int startTag(int lt) {
            Tag tag = readTag(lt + 1);
            if (tag == null) {
                return length;
            }
            String name = tag.name();
            if (name.equals("image")) {
                name = "img";
            }
            if (size > 0 && foreign[size - 1] && !INTEGRATION_POINTS.contains(stack[size - 1].name)) {
                if (!FOREIGN_BREAKOUT.contains(name)) {
                    if (!tag.selfClosing()) {
                        push(name, true, lt, tag.end());
                    }
                    return tag.end();
                }
                while (size > 0 && foreign[size - 1]) {
                    popTo(size - 1);
                }
            }
            switch (name) {
                case "html", "head", "body", "frameset" -> {
                    return tag.end(); // merged into the elements the parser already has
                }
                case "plaintext" -> {
                    return length; // everything after it is text
                }
                default -> {
                }
            }
            if (RAW_TEXT.contains(name)) {
                return afterRawText(name, tag.end());
            }
            if (VOID.contains(name)) {
                if (name.equals("hr")) {
                    closeParagraph();
                }
                return tag.end();
            }
            if (name.equals("svg") || name.equals("math")) {
                if (!tag.selfClosing()) {
                    push(name, true, lt, tag.end());
                }
                return tag.end();
            }
            if (TABLE_PARTS.contains(name) && table.open == 0) {
                return tag.end(); // a table part outside a table is ignored
            }
            if (size >= maxDepth) {
                drop(name, lt, tag.end());
                return tag.end();
            }
            if (!implicitCloses(name)) {
                return tag.end();
            }
            push(name, false, lt, tag.end());
            return tag.end();
        }

        /** Closes what a start tag closes; false when the parser ignores the tag altogether. */
        private boolean implicitCloses(String name) {
            switch (name) {
                case "li" -> closeListItem(LIST_ITEM);
                case "dd", "dt" -> closeListItem(DEFINITION_ITEMS);
                case "tr" -> closeNearest(ROW, TABLE);
                case "td", "th" -> closeNearest(CELLS, TABLE_OR_ROW);
                case "tbody", "thead", "tfoot" -> closeNearest(SECTIONS, TABLE);
                case "table" -> {
                    int cell = Math.max(named("td").innermost(), Math.max(named("th").innermost(),
                            named("caption").innermost()));
                    if (table.open > 0 && table.innermost() > cell) {
                        popTo(table.innermost()); // a table started right inside a table closes it
                    }
                    closeParagraph();
                }
                case "button" -> {
                    if (inScope(button)) {
                        popTo(button.innermost());
                    }
                }
                case "a", "nobr" -> formattingEnd(named(name));
                case "select" -> {
                    if (select.open > 0) {
                        popTo(select.innermost()); // a select inside a select closes it
                        return false;
                    }
                }
                case "option", "optgroup" -> {
                    if (size > 0 && stack[size - 1].name.equals("option")) {
                        popTo(size - 1);
                    }
                }
                case "form" -> {
                    if (form.open > 0) {
                        return false; // forms do not nest
                    }
                    closeParagraph();
                }
                default -> {
                    if (CLOSES_P.contains(name)) {
                        closeParagraph();
                    }
                    if (HEADINGS.contains(name) && size > 0 && HEADINGS.contains(stack[size - 1].name)) {
                        popTo(size - 1);
                    }
                }
            }
            return true;
        }

        /** A new list item (or dd, dt) closes the open one, unless a special element but div, p, address is between. */
        private void closeListItem(Set<String> items) {
            for (int i = size - 1; i >= 0; i--) {
                String open = stack[i].name;
                if (items.contains(open)) {
                    popTo(i);
                    break;
                }
                if (stack[i].special && !open.equals("address") && !open.equals("div") && !open.equals("p")) {
                    break;
                }
                if (i < size - 1 - SCOPE_SEARCH) {
                    break;
                }
            }
            closeParagraph();
        }

        /** Pops the innermost element named in {@code targets} when it is inside every one named in {@code limits}. */
        private void closeNearest(Set<String> targets, Set<String> limits) {
            int target = -1;
            for (String t : targets) {
                target = Math.max(target, named(t).innermost());
            }
            int limit = -1;
            for (String l : limits) {
                limit = Math.max(limit, named(l).innermost());
            }
            if (target >= 0 && target > limit) {
                popTo(target);
            }
        }

        private int endTag(int lt) {
            if (lt + 2 >= length) {
                return length;
            }
            char c = html.charAt(lt + 2);
            if (c == '>') {
                return lt + 3; // "</>" is ignored
            }
            if (!isAsciiLetter(c)) {
                return after(html.indexOf('>', lt + 2)); // a bogus comment
            }
            Tag tag = readTag(lt + 2);
            if (tag == null) {
                return length;
            }
            String name = tag.name();
            switch (name) {
                case "html", "head", "body", "br" -> {
                    return tag.end();
                }
                default -> {
                }
            }
            Name n = named(name);
            if (n.dropped > 0) {
                n.dropped--;
                cut(lt, tag.end());
                return tag.end();
            }
            if (size > 0 && foreign[size - 1] && n.innermost() > htmlBelow[size - 1]) {
                popTo(n.innermost()); // the end of an SVG or MathML element
                return tag.end();
            }
            if (name.equals("p")) {
                if (inScope(n) && button.innermost() < n.innermost()) {
                    popTo(n.innermost());
                }
            } else if (name.equals("li")) {
                if (inScope(n) && named("ol").innermost() < n.innermost() && named("ul").innermost() < n.innermost()) {
                    popTo(n.innermost());
                }
            } else if (HEADINGS.contains(name)) {
                int heading = -1;
                for (String h : HEADINGS) {
                    if (inScope(named(h))) {
                        heading = Math.max(heading, named(h).innermost());
                    }
                }
                if (heading >= 0) {
                    popTo(heading);
                }
            } else if (FORMATTING.contains(name)) {
                formattingEnd(n);
            } else if (BLOCK_END.contains(name)) {
                if (inScope(n)) {
                    popTo(n.innermost());
                }
            } else if (name.equals("table") || TABLE_PARTS.contains(name)) {
                int at = n.innermost();
                int limit = Math.max(named("template").innermost(), name.equals("table") ? -1 : table.innermost());
                if (at >= 0 && at > limit && at >= size - 1 - SCOPE_SEARCH) {
                    popTo(at);
                }
            } else if (name.equals("select") || name.equals("template")) {
                if (n.open > 0) {
                    popTo(n.innermost());
                }
            } else if (name.equals("option") || name.equals("optgroup")) {
                if (size > 0 && stack[size - 1] == n) {
                    popTo(size - 1);
                }
            } else {
                // Any other end tag closes its element unless a special element was opened inside it.
                int at = n.innermost();
                if (at >= 0 && (size == 0 || specialBelow[size - 1] <= at)) {
                    popTo(at);
                }
            }
            return tag.end();
        }

        /**
         * The end of a formatting element ({@code </b>}, or a new {@code <a>}): closes it when nothing special was
         * opened inside it. When something was, the parser's adoption agency moves elements around and the depth
         * stays about the same, so nothing changes here.
         */
        private void formattingEnd(Name n) {
            int at = n.innermost();
            if (at >= 0 && inScope(n) && specialBelow[size - 1] <= at) {
                popTo(at);
            }
        }

        private void closeParagraph() {
            if (inScope(p) && button.innermost() < p.innermost()) {
                popTo(p.innermost());
            }
        }

        /** Whether the innermost open {@code n} is "in scope": near enough the top, no scope boundary above it. */
        private boolean inScope(Name n) {
            int at = n.innermost();
            return at >= 0 && at >= size - 1 - SCOPE_SEARCH && (boundaryBelow[size - 1] <= at);
        }

        private Name named(String name) {
            return names.computeIfAbsent(name, Name::new);
        }

        private void push(String name, boolean isForeign, int lt, int end) {
            if (size >= maxDepth) {
                drop(name, lt, end);
                return;
            }
            Name n = named(name);
            stack[size] = n;
            foreign[size] = isForeign;
            int below = size == 0 ? -1 : specialBelow[size - 1];
            specialBelow[size] = n.special && !isForeign ? size : below;
            int boundary = size == 0 ? -1 : boundaryBelow[size - 1];
            boundaryBelow[size] = n.boundary ? size : boundary;
            int htmlElement = size == 0 ? -1 : htmlBelow[size - 1];
            htmlBelow[size] = isForeign ? htmlElement : size;
            if (n.open == n.positions.length) {
                n.positions = java.util.Arrays.copyOf(n.positions, n.open * 2);
            }
            n.positions[n.open++] = size;
            size++;
        }

        /** Pops the element at stack index {@code index} and everything opened inside it. */
        private void popTo(int index) {
            while (size > index) {
                size--;
                stack[size].open--;
                stack[size] = null;
            }
        }

        /** A start tag below the depth cap: cut from the markup, and its end tag with it. */
        private void drop(String name, int lt, int end) {
            named(name).dropped++;
            cut(lt, end);
        }

        private void cut(int from, int to) {
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(html, copied, from);
            copied = to;
        }
    }
}
