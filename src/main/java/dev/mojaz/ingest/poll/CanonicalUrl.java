package dev.mojaz.ingest.poll;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The one form of an article URL that makes it unique: the key the store dedupes on.
 *
 * <ul>
 *   <li>scheme and host lower case, internationalised host names in their ASCII (punycode) form, the default port
 *       dropped (OkHttp's URL parser does these);</li>
 *   <li>the fragment removed; a trailing slash removed from any path but the root;</li>
 *   <li>percent-escapes in upper case, escapes of unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) decoded,
 *       raw non-ASCII characters (Arabic slugs) percent-encoded, so the three ways of writing one path agree;</li>
 *   <li>tracking parameters removed ({@code utm_*}, {@code fbclid}, {@code gclid}, … see {@link #isTracking}) and
 *       the remaining parameters sorted by name (stable, so repeated names keep their order).</li>
 * </ul>
 * The scheme itself is kept: {@code http} and {@code https} can serve different things, and a canonical URL is also
 * the link people are sent.
 */
public final class CanonicalUrl {
    /** Parameter names removed wherever they appear. */
    private static final Set<String> TRACKING_NAMES = Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid",
            "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "igshid", "igsh", "mkt_tok", "_ga", "_gl", "xtor",
            "ocid", "cmpid", "smid", "s_cid", "ref_src", "ref_url", "spm", "_hsenc", "_hsmi", "mbid", "rss_id");
    /**
     * Parameter name prefixes removed: Google Analytics ({@code utm_}), AT Internet as used by BBC Arabic feeds
     * ({@code at_medium}, {@code at_campaign}, …), comScore ({@code ns_}), Mailchimp ({@code mc_}), Matomo
     * ({@code pk_}, {@code mtm_}), HubSpot ({@code hsa_}).
     */
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "at_", "ns_", "mc_", "pk_", "mtm_", "hsa_");

    private CanonicalUrl() {
    }

    /** The canonical form of {@code url}; a URL OkHttp cannot read (not http or https) is returned unchanged. */
    public static URI of(URI url) {
        HttpUrl parsed = HttpUrl.parse(url.toString());
        if (parsed == null) {
            return url;
        }
        StringBuilder out = new StringBuilder();
        out.append(parsed.scheme()).append("://");
        String host = parsed.host();
        out.append(host.contains(":") ? "[" + host + "]" : host);
        if (parsed.port() != HttpUrl.defaultPort(parsed.scheme())) {
            out.append(':').append(parsed.port());
        }
        String path = normalizeEscapes(parsed.encodedPath());
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.replaceAll("/+$", "");
            if (path.isEmpty()) {
                path = "/";
            }
        }
        out.append(path);
        String query = query(parsed.encodedQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return URI.create(out.toString());
    }

    /**
     * The canonical URL of an article fetched from {@code fetched} whose page declares {@code declared}
     * (rel=canonical or og:url, null when none). The declaration is followed, so one article linked under several
     * URLs (or syndicated from another site) has one key, except when it is not an http(s) URL or points at a site's
     * home page while the article is not one: sites that set every page's canonical to the home page would otherwise
     * make all their articles one.
     */
    public static URI choose(URI fetched, URI declared) {
        if (declared == null) {
            return of(fetched);
        }
        HttpUrl declaredUrl = HttpUrl.parse(declared.toString());
        HttpUrl fetchedUrl = HttpUrl.parse(fetched.toString());
        if (declaredUrl == null) {
            return of(fetched);
        }
        boolean declaredIsHome = declaredUrl.encodedPath().equals("/") && declaredUrl.encodedQuery() == null;
        boolean fetchedIsHome = fetchedUrl == null || fetchedUrl.encodedPath().equals("/");
        if (declaredIsHome && !fetchedIsHome) {
            return of(fetched);
        }
        return of(declared);
    }

    /** Whether a query parameter only tracks where a click came from. */
    public static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return TRACKING_NAMES.contains(n) || TRACKING_PREFIXES.stream().anyMatch(n::startsWith);
    }

    private static String query(String encodedQuery) {
        if (encodedQuery == null || encodedQuery.isEmpty()) {
            return "";
        }
        List<String[]> kept = new ArrayList<>();
        for (String pair : encodedQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = normalizeEscapes(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? null : normalizeEscapes(pair.substring(eq + 1));
            if (!isTracking(decode(name))) {
                kept.add(new String[] {name, value});
            }
        }
        kept.sort(Comparator.comparing(p -> p[0]));
        StringBuilder out = new StringBuilder();
        for (String[] p : kept) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]);
            if (p[1] != null) {
                out.append('=').append(p[1]);
            }
        }
        return out.toString();
    }

    /** Upper-case hex in escapes; escapes of unreserved characters decoded. */
    static String normalizeEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                int value = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (isUnreserved(value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Percent-decoding of ASCII escapes only, enough to recognise a parameter name. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }
}
