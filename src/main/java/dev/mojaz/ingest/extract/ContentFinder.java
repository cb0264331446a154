package dev.mojaz.ingest.extract;

import dev.mojaz.ingest.extract.Deadline.DeadlineExceeded;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
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
 * form the content, with the chunks of the article that adverts split off (blocks with the best block's tag and
 * class, and paragraphs with the class most of the content's paragraphs carry); inside it, blocks that look like
 * widgets (lists of links, forms, image galleries) are removed.
 *
 * <p>Before scoring, what is never content is pruned: scripts, styles, forms controls, hidden elements,
 * {@code nav}/{@code aside}/{@code footer}, and elements whose class, id or ARIA role names a menu, sidebar,
 * comment area, share bar, related list or advert ({@code <main>} excepted: it is the page's content whatever its
 * class says). When that leaves too little text, the search runs once more
 * without the pruning by class names (Readability goes on to drop its other rules too; measured, that did not pay).
 *
 * <p>Linear in the size of the tree, however deep: no element looks at its ancestors or searches its subtree (a page
 * of 20,000 nested tables made that quadratic). Each pass checks the extraction's {@link Deadline}.
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

    static final Set<String> BLOCKS = TagSets.of("address", "article", "aside", "blockquote", "center", "dd", "details",
            "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "br");
    private static final Set<String> NEVER_CONTENT = TagSets.of("script", "style", "noscript", "template", "svg",
            "math", "canvas", "iframe", "object", "embed", "applet", "button", "input", "select", "textarea", "option",
            "optgroup", "datalist", "output", "progress", "meter", "dialog", "link", "meta", "base", "figcaption",
            "head", "title", "audio", "video", "source", "track", "map", "area", "frameset", "frame");
    private static final Set<String> STRUCTURAL_BOILERPLATE = TagSets.of("nav", "aside", "footer");
    private static final Set<String> DIV_LIKE = TagSets.of("div", "section", "article", "main", "center", "span");
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation", "alert",
            "alertdialog", "dialog", "banner", "contentinfo", "search");

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
     * What {@link #find} found: the paragraphs, and whether the time budget ran out during the lenient retry (then
     * they are the strict attempt's, which the retry might have replaced).
     */
    record Found(List<String> paragraphs, boolean retryCutShort) {
    }

    /**
     * The main content's paragraphs: the strict attempt's when it found enough text, else the lenient attempt's when
     * that is clearly longer. The lenient retry is skipped when the strict attempt pruned nothing for its name: it
     * would search the same tree the same way.
     *
     * @throws DeadlineExceeded when the time is up before the strict attempt is done (the caller falls back)
     */
    static Found find(Parse parse, Deadline deadline) {
        Attempt strict = attempt(parse.document(), Options.STRICT, deadline);
        int strictLength = length(strict.paragraphs());
        if (strictLength >= ENOUGH_TEXT || !strict.prunedByName()) {
            return new Found(strict.paragraphs(), false);
        }
        List<String> lenient;
        try {
            lenient = attempt(parse.document(), Options.LENIENT, deadline).paragraphs();
        } catch (DeadlineExceeded e) {
            return new Found(strict.paragraphs(), true);
        }
        int lenientLength = length(lenient);
        // A short article stays short with fewer rules; what the weaker attempt adds is then mostly page furniture.
        // Only a clearly longer result means the strict rules removed the article itself.
        boolean lenientWins = lenientLength >= ENOUGH_TEXT || lenientLength > 2 * strictLength + 100;
        return new Found(lenientWins ? lenient : strict.paragraphs(), false);
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    /** What one attempt found, and whether it pruned any element for its class, id or role. */
    record Attempt(List<String> paragraphs, boolean prunedByName) {
    }

    /**
     * One search for the content. Every pass is linear in the size of the tree: figures are computed once bottom-up,
     * state is carried down a traversal (inside a table? inside a figure?) instead of looked up among each element's
     * ancestors, and removals are subtracted from ancestors in one pass.
     */
    static Attempt attempt(Document doc, Options options, Deadline deadline) {
        deadline.checkNow();
        Element body = doc.body();
        if (body == null) {
            return new Attempt(List.of(), false);
        }
        Map<Element, ElementStats> stats = new IdentityHashMap<>(4096);
        NodeTraversor.traverse(new StatsVisitor(stats, deadline), body);
        boolean prunedByName = prune(body, stats, options, deadline);
        List<Element> elements = elementsInOrder(body, deadline);
        applyRemovals(elements, stats);
        List<Element> candidates = score(elements, stats, deadline);
        List<Element> content = chooseContent(body, candidates, stats, deadline);
        FigureAncestry figures = new FigureAncestry();
        for (Element root : content) {
            cleanConditionally(root, stats, figures, deadline);
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element root : content) {
            ParagraphCollector.collect(root, paragraphs, deadline);
        }
        return new Attempt(paragraphs, prunedByName);
    }

    // ---- pruning --------------------------------------------------------------------------------------------

    /** Removes what is never content; returns whether any element went for its name (class, id or role). */
    private static boolean prune(Element body, Map<Element, ElementStats> stats, Options options, Deadline deadline) {
        boolean[] prunedByName = {false};
        NodeTraversor.filter(new NodeFilter() {
            /** Tables and code blocks open above the current node: unlikely names do not count inside them. */
            private int tablesOrCode;

            @Override
            public FilterResult head(Node node, int depth) {
                deadline.check();
                if (!(node instanceof Element e) || e == body) {
                    return FilterResult.CONTINUE;
                }
                ElementStats s = stats.get(e);
                boolean never = neverContent(e) || STRUCTURAL_BOILERPLATE.contains(e.normalName());
                boolean byName = !never && options.stripUnlikely() && !isQuote(s)
                        && (unlikely(e, tablesOrCode > 0) || smallWidget(e, s));
                if (never || byName) {
                    prunedByName[0] |= byName;
                    markRemoved(e, s, stats);
                    return FilterResult.REMOVE;
                }
                if (isTableOrCode(e)) {
                    tablesOrCode++;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e != body && isTableOrCode(e)) {
                    tablesOrCode--;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return prunedByName[0];
    }

    private static boolean isTableOrCode(Element e) {
        String tag = e.normalName();
        return tag.equals("table") || tag.equals("code");
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

    private static boolean unlikely(Element e, boolean insideTableOrCode) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("a") || tag.equals("main")) {
            return false;
        }
        String role = e.attr("role");
        if (!role.isEmpty() && UNLIKELY_ROLES.contains(role.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        String key = ClassMarkers.of(e);
        return !key.isEmpty() && ClassMarkers.unlikely(key) && !insideTableOrCode;
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

    /**
     * Notes that {@code e} (still attached) is being removed: its figures wait at its parent until
     * {@link #applyRemovals} or the cleaning pass subtracts them from every ancestor.
     */
    private static void markRemoved(Element e, ElementStats s, Map<Element, ElementStats> stats) {
        Element parent = e.parent();
        ElementStats ps = parent == null ? null : stats.get(parent);
        if (s != null && ps != null) {
            ps.markRemovedBelow(s);
        }
    }

    /** The elements of {@code body}'s subtree in document order (parents before children). */
    private static List<Element> elementsInOrder(Element body, Deadline deadline) {
        List<Element> elements = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            deadline.check();
            if (node instanceof Element e) {
                elements.add(e);
            }
        }, body);
        return elements;
    }

    /**
     * Subtracts the figures of the pruned elements from their ancestors: in reverse document order every element
     * comes after all of its descendants, so each passes what was removed below it on to its parent once.
     */
    private static void applyRemovals(List<Element> elements, Map<Element, ElementStats> stats) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            Element e = elements.get(i);
            ElementStats s = stats.get(e);
            ElementStats removed = s == null ? null : s.applyRemovals();
            if (removed != null && i > 0) {
                ElementStats ps = stats.get(e.parent());
                if (ps != null) {
                    ps.markRemovedBelow(removed);
                }
            }
        }
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    /** Fills {@link ElementStats} for every element, children before parents. */
    private static final class StatsVisitor implements NodeVisitor {
        private final Map<Element, ElementStats> stats;
        private final Deadline deadline;

        StatsVisitor(Map<Element, ElementStats> stats, Deadline deadline) {
            this.stats = stats;
            this.deadline = deadline;
        }

        @Override
        public void head(Node node, int depth) {
            deadline.check(); // figures are summed on the way back up
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            ElementStats s = new ElementStats();
            for (int i = 0, children = e.childNodeSize(); i < children; i++) { // childNodes() would copy the list
                Node child = e.childNode(i);
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
                    s.add(cs);
                    if (BLOCKS.contains(c.normalName())) {
                        s.hasBlockChild = true;
                    } else {
                        s.inlineText += cs.text;
                        s.inlineCommas += cs.commas;
                    }
                }
            }
            switch (e.normalName()) {
                case "a" -> {
                    s.linkText = s.text;
                    s.links++;
                }
                case "blockquote" -> s.quoteText = s.text;
                case "p" -> s.paragraphs++;
                case "img", "picture" -> s.images++;
                case "li" -> s.listItems++;
                case "input", "select", "textarea", "button" -> s.inputs++;
                case "embed", "object", "iframe", "video" -> s.embeds++;
                case "caption", "th", "thead", "tfoot", "colgroup", "col" -> s.tableParts++;
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

    private static List<Element> score(List<Element> elements, Map<Element, ElementStats> stats, Deadline deadline) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : elements) {
            deadline.check();
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

    private static List<Element> chooseContent(Element body, List<Element> candidates, Map<Element, ElementStats> stats,
            Deadline deadline) {
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
            Map<Element, Integer> alternativesBelow = new IdentityHashMap<>();
            for (Element alt : alternatives) {
                for (Element p = alt.parent(); p != null; p = p.parent()) {
                    deadline.check();
                    alternativesBelow.merge(p, 1, Integer::sum);
                }
            }
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
                if (alternativesBelow.getOrDefault(ancestor, 0) >= 3) {
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
            deadline.check();
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
            deadline.check();
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
        return addSameStyleParagraphs(addChunks(top, content, body, stats, deadline), body, stats, deadline);
    }

    /** How far above the top candidate's parent chunks of the same article are looked for. */
    private static final int CHUNK_LEVELS = 3;

    /**
     * Sites that interleave an article with ads split it into chunks, each in a block with the same tag and class as
     * the one that scored best ({@code div.article__body} ×3, with ad rails between). The other chunks are cousins,
     * not siblings, of the top candidate; they are added, in document order, when they hold prose (some text, few
     * links) and do not overlap the content already chosen.
     */
    private static List<Element> addChunks(Element top, List<Element> content, Element body,
            Map<Element, ElementStats> stats, Deadline deadline) {
        String cls = top.className();
        if (cls.isEmpty() || top.parent() == null) {
            return content;
        }
        Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(content);
        // The ancestors of the chosen blocks, found once: the walks up meet at the blocks' common parent.
        Set<Element> aboveChosen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : content) {
            for (Element p = e.parent(); p != null && aboveChosen.add(p); p = p.parent()) {
                deadline.check();
            }
        }
        Element scope = top.parent();
        List<Element> chunks = List.of();
        List<Boolean> chunkOverlaps = List.of();
        for (int level = 0; level < CHUNK_LEVELS && scope.parent() != null && scope != body; level++) {
            scope = scope.parent();
            List<Element> same = new ArrayList<>();
            List<Boolean> overlaps = new ArrayList<>();
            NodeTraversor.traverse(new NodeVisitor() {
                /** Chosen blocks open above the current node. */
                private int insideChosen;

                @Override
                public void head(Node node, int depth) {
                    deadline.check();
                    if (!(node instanceof Element e)) {
                        return;
                    }
                    if (e.normalName().equals(top.normalName()) && e.className().equals(cls)) {
                        same.add(e);
                        overlaps.add(insideChosen > 0 || chosen.contains(e) || aboveChosen.contains(e));
                    }
                    if (chosen.contains(e)) {
                        insideChosen++;
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && chosen.contains(e)) {
                        insideChosen--;
                    }
                }
            }, scope);
            if (same.size() > 1) {
                chunks = same;
                chunkOverlaps = overlaps;
                break;
            }
        }
        if (chunks.isEmpty()) {
            return content;
        }
        List<Element> merged = new ArrayList<>();
        boolean topAdded = false;
        for (int i = 0; i < chunks.size(); i++) {
            Element chunk = chunks.get(i);
            if (chunk == top) {
                merged.addAll(content);
                topAdded = true;
                continue;
            }
            ElementStats s = stats.get(chunk);
            if (s == null || s.text < MIN_PARAGRAPH || s.linkDensity() > 0.3 || chunkOverlaps.get(i)) {
                continue;
            }
            merged.add(chunk);
        }
        return topAdded ? merged : content;
    }

    /**
     * Paragraphs of the article that the chosen blocks left out: elsewhere in the page, split off by adverts or a
     * "read also" box into blocks that share no class or nesting with the chosen ones, but written in the same style.
     * When most paragraphs of the content carry one class ({@code p.story-paragraph}), the other paragraphs of the
     * page with that tag and class are added in document order, when they hold prose (some text, few links).
     * Paragraphs without a class are never added this way: comments and footers are written with them too.
     */
    static List<Element> addSameStyleParagraphs(List<Element> content, Element body, Map<Element, ElementStats> stats,
            Deadline deadline) {
        String style = dominantParagraphClass(content, deadline);
        if (style == null) {
            return content;
        }
        Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
        roots.addAll(content);
        List<Element> merged = new ArrayList<>();
        int[] added = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                deadline.check();
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (roots.contains(e)) {
                    merged.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e.normalName().equals("p") && e.className().equals(style)) {
                    ElementStats s = stats.get(e);
                    if (s != null && s.text >= MIN_PARAGRAPH && s.linkDensity() <= 0.3) {
                        merged.add(e);
                        added[0]++;
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        // A root that is not below body any more (never the case today) would be lost: keep the content as it was.
        return added[0] > 0 && merged.size() == content.size() + added[0] ? merged : content;
    }

    /** The class that at least two and at least half of the content's {@code <p>} elements carry, or null. */
    private static String dominantParagraphClass(List<Element> content, Deadline deadline) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        int[] paragraphs = {0};
        for (Element root : content) {
            NodeTraversor.traverse((node, depth) -> {
                deadline.check();
                if (node instanceof Element e && e.normalName().equals("p")) {
                    paragraphs[0]++;
                    String cls = e.className();
                    if (!cls.isEmpty()) {
                        counts.merge(cls, 1, Integer::sum);
                    }
                }
            }, root);
        }
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() >= 2 && entry.getValue() * 2 >= paragraphs[0]) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static double scoreOf(Map<Element, ElementStats> stats, Element e) {
        ElementStats s = stats.get(e);
        return s == null ? 0 : s.score;
    }

    // ---- cleaning -----------------------------------------------------------------------------------------------

    private static final Set<String> CONDITIONAL = TagSets.of("form", "fieldset", "table", "ul", "ol", "div",
            "section");

    /**
     * Whether an element or one of its ancestors is a {@code <figure>}, remembered per element: the content's roots
     * are siblings or cousins, and their walks up would otherwise repeat one another.
     */
    private static final class FigureAncestry {
        private final Map<Element, Boolean> known = new IdentityHashMap<>();

        boolean inFigure(Element e) {
            List<Element> path = new ArrayList<>();
            Boolean found = null;
            for (Element a = e; a != null; a = a.parent()) {
                found = known.get(a);
                if (found != null) {
                    break;
                }
                path.add(a);
            }
            boolean inside = found != null && found;
            for (int i = path.size() - 1; i >= 0; i--) {
                inside = inside || path.get(i).normalName().equals("figure");
                known.put(path.get(i), inside);
            }
            return inside;
        }
    }

    /**
     * Removes widget-like blocks inside the content, innermost first (in reverse document order every element comes
     * after its descendants), keeping the figures of ancestors right: what is removed below an element is subtracted
     * from it just before it is judged, and passed on to its parent.
     */
    private static void cleanConditionally(Element root, Map<Element, ElementStats> stats, FigureAncestry figures,
            Deadline deadline) {
        boolean rootInFigure = root.parent() != null && figures.inFigure(root.parent());
        List<Element> all = new ArrayList<>();
        BitSet inFigure = new BitSet();
        NodeTraversor.traverse(new NodeVisitor() {
            /** Figures open above the current node, within the root. */
            private int openFigures;

            @Override
            public void head(Node node, int depth) {
                deadline.check();
                if (node instanceof Element e) {
                    if (rootInFigure || openFigures > 0 || e.normalName().equals("figure")) {
                        inFigure.set(all.size());
                    }
                    all.add(e);
                    if (e.normalName().equals("figure")) {
                        openFigures++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.normalName().equals("figure")) {
                    openFigures--;
                }
            }
        }, root);
        for (int i = all.size() - 1; i >= 0; i--) {
            deadline.check();
            Element e = all.get(i);
            ElementStats s = stats.get(e);
            if (s == null) {
                continue;
            }
            ElementStats removedBelow = s.applyRemovals();
            Element parent = e.parent();
            if (i == 0 || parent == null) {
                continue; // the root stays; above it nothing is judged any more
            }
            ElementStats passUp = removedBelow;
            if (CONDITIONAL.contains(e.normalName()) && !s.mostlyQuote()
                    && shouldRemove(e, s, inFigure.get(i), stats)) {
                passUp = new ElementStats();
                passUp.add(s);
                if (removedBelow != null) {
                    passUp.add(removedBelow);
                }
                e.remove();
            }
            ElementStats ps = passUp == null ? null : stats.get(parent);
            if (ps != null) {
                ps.markRemovedBelow(passUp);
            }
        }
        // Headings that are widgets' titles ("Related", "Share") by their class. Their text stays in the figures (it
        // always did); only the links and table parts, which stand for searches of the live tree, go with them.
        for (Element h : root.select("h1, h2, h3")) {
            if (classWeight(h) < 0) {
                ElementStats hs = stats.get(h);
                ElementStats ps = h.parent() == null ? null : stats.get(h.parent());
                if (hs != null && ps != null) {
                    ElementStats searchable = new ElementStats();
                    searchable.links = hs.links;
                    searchable.tableParts = hs.tableParts;
                    ps.markRemovedBelow(searchable);
                }
                h.remove();
            }
        }
    }

    private static boolean shouldRemove(Element e, ElementStats s, boolean inFigure, Map<Element, ElementStats> stats) {
        if (e.normalName().equals("table") && isDataTable(e, s)) {
            return false;
        }
        int weight = classWeight(e);
        // A list or a form starts below zero as a candidate (Readability's initial score): that says it is not the
        // article's main block, not that it is no part of it. Only a negative class weight removes it here.
        double contentScore = s.candidate ? Math.max(0, s.score) : 0;
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
        return (img > 1 && (double) p / img < 0.5 && !inFigure)
                || (!isList && li > p)
                || (s.inputs > p / 3)
                || (!isList && s.text < MIN_PARAGRAPH && (img == 0 || img > 2) && !inFigure && !isItemText(e, s))
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((s.embeds == 1 && s.text < 75) || s.embeds > 1)
                || (isList && linkDensity >= 0.35 && everyItemLinks(e, stats));
    }

    /**
     * Whether a block is the text of a list item or table cell ({@code <li><div>short point</div></li>}): Readability
     * turns such blocks into paragraphs, which are never cleaned away; a short one is the item's text, not a widget.
     */
    private static boolean isItemText(Element e, ElementStats s) {
        Element parent = e.parent();
        return !s.hasBlockChild && s.images == 0 && parent != null && ITEMS.contains(parent.normalName());
    }

    private static final Set<String> ITEMS = TagSets.of("li", "dd", "dt", "td", "th");

    /** A list each of whose items points elsewhere: "more stories", not the article's own list. */
    private static boolean everyItemLinks(Element list, Map<Element, ElementStats> stats) {
        int items = 0;
        for (Element li : list.children()) {
            if (li.normalName().equals("li")) {
                items++;
                ElementStats s = stats.get(li);
                if (s == null ? li.selectFirst("a") == null : s.links == 0) {
                    return false;
                }
            }
        }
        return items >= 2;
    }

    /** A table with a caption, header cells or column groups holds data, not layout. */
    private static boolean isDataTable(Element table, ElementStats s) {
        if (table.attr("role").equals("presentation")) {
            return false;
        }
        return s.tableParts > 0;
    }
}
