package dev.mojaz.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of a page by scoring its blocks, and returns it as paragraphs.
 *
 * <p>The method is Readability's, made linear: every block of running text (a {@code <p>}, or a {@code <div>} with
 * no block inside) scores 1 + its commas + one point per 100 characters (at most 3), and gives that score to its
 * parent, half to its grandparent and less to the ancestors above. Clause punctuation counts the same in Arabic
 * (، ؛) as in Latin script (, ;). Each candidate's score is then scaled by (1 − link density): text that is mostly
 * links is navigation. The best candidate, siblings that score close to it and sibling paragraphs of plain prose
 * form the content; inside it, blocks that look like widgets (lists of links, forms, image galleries) are removed.
 *
 * <p>Before scoring, what is never content is pruned: scripts, styles, forms controls, hidden elements,
 * {@code nav}/{@code aside}/{@code footer}, and elements whose class, id or ARIA role names a menu, sidebar,
 * comment area, share bar, related list or advert. When that leaves too little text, the search runs once more
 * without the pruning by class names (Readability goes on to drop its other rules too; measured, that did not pay).
 */
final class ContentFinder {

    /**
     * Whether elements are pruned by their class names. The retry turns that off and nothing else: turning off class
     * weights and conditional cleaning as well (Readability's further retries) brought back page furniture more
     * often than article text when measured on both halves of the evaluation set.
     */
    record Options(boolean stripUnlikely) {
        static final Options STRICT = new Options(true);
        static final Options LENIENT = new Options(false);
    }

    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "center", "dd", "details",
            "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "br");
    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "svg",
            "math", "canvas", "iframe", "object", "embed", "applet", "button", "input", "select", "textarea",
            "option", "optgroup", "datalist", "output", "progress", "meter", "dialog", "link", "meta", "base", "figcaption",
            "head", "title", "audio", "video", "source", "track", "map", "area", "frameset", "frame");
    private static final Set<String> STRUCTURAL_BOILERPLATE = Set.of("nav", "aside", "footer");
    private static final Set<String> DIV_LIKE = Set.of("div", "section", "article", "main", "center", "span");
    private static final Set<String> UNLIKELY_ROLES =
            Set.of("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner",
                    "contentinfo", "search");

    private static final Pattern HIDDEN_STYLE =
            Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟。!?]['\"”»’)\\]]*\\s*$");

    private static final int MIN_PARAGRAPH = 25;
    private static final int ENOUGH_TEXT = 500;

    private ContentFinder() {
    }

    /** A parse of the page, fresh for each attempt (an attempt changes the tree). */
    interface Parse {
        Document document();
    }

    /**
     * The main content's paragraphs: the strict attempt's when it found enough text, else the lenient attempt's when
     * that is clearly longer.
     */
    static List<String> find(Parse parse) {
        List<String> first = null;
        int firstLength = 0;
        List<String> best = List.of();
        int bestLength = -1;
        for (Options options : List.of(Options.STRICT, Options.LENIENT)) {
            List<String> paragraphs = attempt(parse.document(), options);
            int length = paragraphs.stream().mapToInt(String::length).sum();
            if (first == null) {
                first = paragraphs;
                firstLength = length;
            }
            if (length >= ENOUGH_TEXT) {
                return paragraphs;
            }
            if (length > bestLength) {
                best = paragraphs;
                bestLength = length;
            }
        }
        // A short article stays short with fewer rules; what the weaker attempts add is then mostly page furniture.
        // Only a clearly longer result means the strict rules removed the article itself.
        return bestLength > 2 * firstLength + 100 ? best : first;
    }

    static List<String> attempt(Document doc, Options options) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        Map<Element, ElementStats> stats = new IdentityHashMap<>(4096);
        NodeTraversor.traverse(new StatsVisitor(stats), body);
        prune(body, stats, options);
        List<Element> candidates = score(body, stats);
        List<Element> content = chooseContent(body, candidates, stats);
        for (Element root : content) {
            cleanConditionally(root, stats);
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element root : content) {
            ParagraphCollector.collect(root, paragraphs);
        }
        return paragraphs;
    }

    // ---- pruning --------------------------------------------------------------------------------------------

    private static void prune(Element body, Map<Element, ElementStats> stats, Options options) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != body && (neverContent(e)
                        || STRUCTURAL_BOILERPLATE.contains(e.normalName())
                        || (options.stripUnlikely() && !isQuote(stats.get(e))
                                && (unlikely(e) || smallWidget(e, stats.get(e)))))) {
                    subtractFromAncestors(e, stats);
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    private static boolean neverContent(Element e) {
        if (NEVER_CONTENT.contains(e.normalName())) {
            return true;
        }
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    private static boolean unlikely(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("a")) {
            return false;
        }
        String role = e.attr("role");
        if (!role.isEmpty() && UNLIKELY_ROLES.contains(role.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        String key = ClassMarkers.of(e);
        return !key.isEmpty() && ClassMarkers.unlikely(key) && !insideTableOrCode(e);
    }

    /**
     * Small blocks whose class or id names what surrounds an article rather than the article: captions and photo
     * credits, bylines and datelines, share and follow bars, newsletter and subscription prompts, "read more" and
     * recommendation lists, tags, cookie notices. Only small ones go: a big block with such a name (a
     * {@code post-meta-wrapper} around the whole story) is left to scoring.
     */
    private static boolean smallWidget(Element e, ElementStats s) {
        if (s == null || e.normalName().equals("body")) {
            return false;
        }
        String key = ClassMarkers.of(e);
        if (key.isEmpty() || !ClassMarkers.widget(key)) {
            return false;
        }
        return s.paragraphs <= 2 && s.text < 600 || s.linkDensity() > 0.5;
    }

    private static boolean isQuote(ElementStats s) {
        return s != null && s.mostlyQuote();
    }

    /** Removes {@code e}, keeping its ancestors' figures right. */
    private static void remove(Element e, Map<Element, ElementStats> stats) {
        subtractFromAncestors(e, stats);
        e.remove();
    }

    private static void subtractFromAncestors(Element e, Map<Element, ElementStats> stats) {
        ElementStats s = stats.get(e);
        if (s != null) {
            for (Element a = e.parent(); a != null; a = a.parent()) {
                ElementStats as = stats.get(a);
                if (as != null) {
                    as.subtract(s);
                }
            }
        }
    }

    private static boolean insideTableOrCode(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("table") || tag.equals("code")) {
                return true;
            }
        }
        return false;
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    /** Fills {@link ElementStats} for every element, children before parents. */
    private static final class StatsVisitor implements NodeVisitor {
        private final Map<Element, ElementStats> stats;

        StatsVisitor(Map<Element, ElementStats> stats) {
            this.stats = stats;
        }

        @Override
        public void head(Node node, int depth) {
            // figures are summed on the way back up
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            ElementStats s = new ElementStats();
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    String text = t.getWholeText();
                    long counts = countText(text);
                    int length = (int) (counts >>> 32);
                    int commas = (int) counts;
                    s.text += length;
                    s.commas += commas;
                    s.inlineText += length;
                    s.inlineCommas += commas;
                } else if (child instanceof Element c) {
                    ElementStats cs = stats.get(c);
                    if (cs == null) {
                        continue;
                    }
                    s.text += cs.text;
                    s.linkText += cs.linkText;
                    s.commas += cs.commas;
                    s.paragraphs += cs.paragraphs;
                    s.images += cs.images;
                    s.listItems += cs.listItems;
                    s.inputs += cs.inputs;
                    s.embeds += cs.embeds;
                    s.quoteText += cs.quoteText;
                    if (BLOCKS.contains(c.normalName())) {
                        s.hasBlockChild = true;
                    } else {
                        s.inlineText += cs.text;
                        s.inlineCommas += cs.commas;
                    }
                }
            }
            switch (e.normalName()) {
                case "a" -> s.linkText = s.text;
                case "blockquote" -> s.quoteText = s.text;
                case "p" -> s.paragraphs++;
                case "img", "picture" -> s.images++;
                case "li" -> s.listItems++;
                case "input", "select", "textarea", "button" -> s.inputs++;
                case "embed", "object", "iframe", "video" -> s.embeds++;
                default -> {
                }
            }
            stats.put(e, s);
        }
    }

    /** Visible characters (high 32 bits) and commas (low 32 bits) of a text, in one pass. */
    static long countText(String text) {
        int visible = 0;
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ') {
                continue;
            }
            switch (c) {
                case '\u00a0', '\u200b', '\u200c', '\u200e', '\u200f', '\u2028', '\u2029', '\u3000' -> {
                }
                case ',', '،', ';', '؛', '，', '、' -> {
                    visible++;
                    commas++;
                }
                default -> visible++;
            }
        }
        return ((long) visible << 32) | commas;
    }

    // ---- scoring ----------------------------------------------------------------------------------------------

    private static List<Element> score(Element body, Map<Element, ElementStats> stats) {
        List<Element> candidates = new ArrayList<>();
        List<Element> elements = new ArrayList<>(stats.size());
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) {
                elements.add(e);
            }
        }, body);
        for (Element e : elements) {
            ElementStats s = stats.get(e);
            if (s == null) {
                continue;
            }
            String tag = e.normalName();
            int length;
            int commas;
            Element first;
            if (tag.equals("p") || tag.equals("pre") || tag.equals("td")
                    || (DIV_LIKE.contains(tag) && !s.hasBlockChild && !insideParagraph(e))) {
                length = s.text;
                commas = s.commas;
                first = e.parent();
            } else if (s.hasBlockChild && s.inlineText >= MIN_PARAGRAPH) {
                // Text written straight into a container between its blocks (or separated by <br>) is a paragraph
                // whose parent is the container itself.
                length = s.inlineText;
                commas = s.inlineCommas;
                first = e;
            } else {
                continue;
            }
            if (length < MIN_PARAGRAPH) {
                continue;
            }
            double points = 1 + commas + Math.min(length / 100, 3);
            int level = 0;
            for (Element a = first; a != null && level < 5; a = a.parent(), level++) {
                if (a.parent() == null) {
                    break; // the document's root
                }
                ElementStats as = stats.get(a);
                if (as == null) {
                    break;
                }
                if (!as.candidate) {
                    as.candidate = true;
                    as.score = initialScore(a);
                    candidates.add(a);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                as.score += points / divider;
            }
        }
        for (Element c : candidates) {
            ElementStats s = stats.get(c);
            s.score *= 1 - s.linkDensity();
        }
        return candidates;
    }

    private static boolean insideParagraph(Element e) {
        Element p = e.parent();
        return p != null && (p.normalName().equals("p") || (DIV_LIKE.contains(p.normalName()) && e.normalName()
                .equals("span")));
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    static int classWeight(Element e) {
        return ClassMarkers.weight(e.className()) + ClassMarkers.weight(e.id());
    }

    // ---- choosing ----------------------------------------------------------------------------------------------

    private static List<Element> chooseContent(Element body, List<Element> candidates, Map<Element, ElementStats> stats) {
        if (candidates.isEmpty()) {
            return List.of(body);
        }
        List<Element> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((Element e) -> stats.get(e).score).reversed());
        Element top = ranked.get(0);
        if (top == body) {
            return List.of(body);
        }
        double topScore = stats.get(top).score;

        // Several near-equal candidates under one ancestor: the ancestor holds the article, split in parts.
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
            if (stats.get(ranked.get(i)).score / topScore >= 0.75) {
                alternatives.add(ranked.get(i));
            }
        }
        if (alternatives.size() >= 3) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
                int containing = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(ancestor, alt)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    top = ancestor;
                    break;
                }
            }
        }
        // Climb while the parent scores better: the article may be spread over the parent's children.
        Element parent = top.parent();
        double lastScore = scoreOf(stats, top);
        double threshold = lastScore / 3;
        while (parent != null && parent != body) {
            ElementStats ps = stats.get(parent);
            if (ps == null || !ps.candidate) {
                parent = parent.parent();
                continue;
            }
            if (ps.score < threshold) {
                break;
            }
            if (ps.score > lastScore) {
                top = parent;
                break;
            }
            lastScore = ps.score;
            parent = parent.parent();
        }
        for (parent = top.parent(); parent != null && parent != body && parent.childrenSize() == 1;
                parent = top.parent()) {
            top = parent;
        }
        topScore = scoreOf(stats, top);

        // Siblings that belong to the article: well scored, or plain paragraphs of prose.
        Element container = top.parent();
        if (container == null) {
            return List.of(top);
        }
        double siblingThreshold = Math.max(10, topScore * 0.2);
        List<Element> content = new ArrayList<>();
        for (Element sibling : container.children()) {
            if (sibling == top) {
                content.add(sibling);
                continue;
            }
            ElementStats s = stats.get(sibling);
            if (s == null) {
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            if (s.candidate && s.score + bonus >= siblingThreshold) {
                content.add(sibling);
            } else if (sibling.normalName().equals("p") || (DIV_LIKE.contains(sibling.normalName())
                    && !s.hasBlockChild)) {
                double linkDensity = s.linkDensity();
                if (s.text > 80 && linkDensity < 0.25) {
                    content.add(sibling);
                } else if (s.text > 0 && s.text <= 80 && linkDensity == 0
                        && SENTENCE_END.matcher(sibling.text()).find()) {
                    content.add(sibling);
                }
            }
        }
        return addChunks(top, content, body, stats);
    }

    /** How far above the top candidate's parent chunks of the same article are looked for. */
    private static final int CHUNK_LEVELS = 3;

    /**
     * Sites that interleave an article with ads split it into chunks, each in a block with the same tag and class as
     * the one that scored best ({@code div.article__body} ×3, with ad rails between). The other chunks are cousins,
     * not siblings, of the top candidate; they are added, in document order, when they hold prose (some text, few
     * links).
     */
    private static List<Element> addChunks(Element top, List<Element> content, Element body,
            Map<Element, ElementStats> stats) {
        String cls = top.className();
        if (cls.isEmpty() || top.parent() == null) {
            return content;
        }
        Element scope = top.parent();
        List<Element> chunks = List.of();
        for (int level = 0; level < CHUNK_LEVELS && scope.parent() != null && scope != body; level++) {
            scope = scope.parent();
            List<Element> same = new ArrayList<>();
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element e && e.normalName().equals(top.normalName()) && e.className().equals(cls)) {
                    same.add(e);
                }
            }, scope);
            if (same.size() > 1) {
                chunks = same;
                break;
            }
        }
        if (chunks.isEmpty()) {
            return content;
        }
        List<Element> merged = new ArrayList<>();
        boolean topAdded = false;
        for (Element chunk : chunks) {
            if (chunk == top) {
                merged.addAll(content);
                topAdded = true;
                continue;
            }
            ElementStats s = stats.get(chunk);
            if (s == null || s.text < MIN_PARAGRAPH || s.linkDensity() > 0.3 || overlaps(chunk, content)) {
                continue;
            }
            merged.add(chunk);
        }
        return topAdded ? merged : content;
    }

    private static boolean overlaps(Element chunk, List<Element> content) {
        for (Element e : content) {
            if (e == chunk || isAncestor(e, chunk) || isAncestor(chunk, e)) {
                return true;
            }
        }
        return false;
    }

    private static double scoreOf(Map<Element, ElementStats> stats, Element e) {
        ElementStats s = stats.get(e);
        return s == null ? 0 : s.score;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ---- cleaning -----------------------------------------------------------------------------------------------

    private static final Set<String> CONDITIONAL = Set.of("form", "fieldset", "table", "ul", "ol", "div", "section");

    /** Removes widget-like blocks inside the content, innermost first, keeping the figures of ancestors right. */
    private static void cleanConditionally(Element root, Map<Element, ElementStats> stats) {
        List<Element> all = root.getAllElements();
        for (int i = all.size() - 1; i >= 1; i--) {
            Element e = all.get(i);
            if (!CONDITIONAL.contains(e.normalName()) || e.parent() == null) {
                continue;
            }
            ElementStats s = stats.get(e);
            if (s == null || !isAttachedUnder(e, root)) {
                continue;
            }
            if (!s.mostlyQuote() && shouldRemove(e, s)) {
                remove(e, stats);
            }
        }
        // Headings that are widgets' titles ("Related", "Share") by their class.
        for (Element h : root.select("h1, h2, h3")) {
            if (classWeight(h) < 0) {
                h.remove();
            }
        }
    }

    private static boolean isAttachedUnder(Element e, Element root) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    private static boolean shouldRemove(Element e, ElementStats s) {
        if (e.normalName().equals("table") && isDataTable(e)) {
            return false;
        }
        int weight = classWeight(e);
        double contentScore = s.candidate ? s.score : 0;
        if (weight + contentScore < 0) {
            return true;
        }
        if (s.commas >= 10) {
            return false;
        }
        boolean isList = e.normalName().equals("ul") || e.normalName().equals("ol");
        int p = s.paragraphs;
        int img = s.images;
        int li = s.listItems - 100;
        double linkDensity = s.linkDensity();
        boolean inFigure = e.closest("figure") != null;
        return (img > 1 && (double) p / img < 0.5 && !inFigure)
                || (!isList && li > p)
                || (s.inputs > p / 3)
                || (!isList && s.text < MIN_PARAGRAPH && (img == 0 || img > 2) && !inFigure)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((s.embeds == 1 && s.text < 75) || s.embeds > 1)
                || (isList && linkDensity >= 0.35 && everyItemLinks(e));
    }

    /** A list each of whose items points elsewhere: "more stories", not the article's own list. */
    private static boolean everyItemLinks(Element list) {
        int items = 0;
        for (Element li : list.children()) {
            if (li.normalName().equals("li")) {
                items++;
                if (li.selectFirst("a") == null) {
                    return false;
                }
            }
        }
        return items >= 2;
    }

    private static boolean isDataTable(Element table) {
        if (table.attr("role").equals("presentation")) {
            return false;
        }
        return table.selectFirst("caption, th, thead, tfoot, colgroup, col") != null;
    }
}
