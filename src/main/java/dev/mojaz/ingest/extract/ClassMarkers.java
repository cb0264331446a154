package dev.mojaz.ingest.extract;

import java.util.Locale;

/**
 * What the class and id attributes of an element say about it. Words are matched as substrings of the lower-cased
 * {@code class + " " + id} ({@code "post-sidebar"} is a sidebar), except the short words "ad", "ads" and "hid",
 * which must stand alone between separators. Plain {@code indexOf} over a word list instead of one big regular
 * expression: this runs for every element of every page, and a regex alternation was the extractor's hottest spot.
 */
final class ClassMarkers {
    /** Readability's "unlikely candidates": page furniture. */
    private static final String[] UNLIKELY = {"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
            "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related",
            "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
            "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote"};
    /** Words that overrule {@link #UNLIKELY} ("main-header" may hold the article). */
    private static final String[] MAYBE_CANDIDATE = {"and", "article", "body", "column", "content", "main", "shadow"};
    private static final String[] POSITIVE = {"article", "body", "content", "entry", "hentry", "h-entry", "main",
            "page", "pagination", "post", "text", "blog", "story"};
    private static final String[] NEGATIVE = {"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
            "foot", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
            "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget"};
    /**
     * Small blocks around an article: captions and credits, bylines and datelines, share and follow bars,
     * newsletter prompts, "read more" and recommendation lists, tags, cookie notices, adverts.
     */
    private static final String[] WIDGET = {"caption", "credit", "byline", "author", "dateline", "timestamp",
            "publish", "updated", "share", "sharing", "social", "follow", "newsletter", "subscri", "signup", "sign-up",
            "cookie", "consent", "promo", "readmore", "read-more", "more-", "recommend", "trending", "popular",
            "outbrain", "taboola", "tags", "tagged", "breadcrumb", "toolbar",
            "print", "related", "disclaimer", "copyright", "advert"};
    /** Names CMSs give the article's own text: never a widget, whatever else the name says. */
    private static final String[] ARTICLE_BODY = {"articlebody", "article-body", "article_body", "storybody",
            "story-body", "entry-content", "post-content", "post-body"};

    private ClassMarkers() {
    }

    /** The lower-cased {@code class id} of an element, or "" when it has neither. */
    static String of(org.jsoup.nodes.Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + ' ' + id).toLowerCase(Locale.ROOT);
    }

    static boolean unlikely(String key) {
        return containsAny(key, UNLIKELY) && !containsAny(key, MAYBE_CANDIDATE);
    }

    static boolean widget(String key) {
        return (containsAny(key, WIDGET) || hasWord(key, "ad") || hasWord(key, "ads")) && !containsAny(key, ARTICLE_BODY);
    }

    /** Readability's class weight of one attribute value: −25 for a negative word, +25 for a positive one. */
    static int weight(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        String v = value.toLowerCase(Locale.ROOT);
        int weight = 0;
        if (containsAny(v, NEGATIVE) || hasWord(v, "hid")) {
            weight -= 25;
        }
        if (containsAny(v, POSITIVE)) {
            weight += 25;
        }
        return weight;
    }

    private static boolean containsAny(String s, String[] words) {
        if (s.isEmpty()) {
            return false;
        }
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} occurs with no letter or digit on either side. */
    static boolean hasWord(String s, String word) {
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean before = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
            boolean after = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }
}
