package dev.mojaz.config;

import java.net.URI;
import java.time.Duration;

/**
 * One news source: either a feed (RSS or Atom) or a listing page whose article links a CSS selector picks out.
 *
 * @param id           short stable identifier, used in commands and queries ({@code source:sana})
 * @param name         the name people see
 * @param language     ISO 639-1 code of the articles' language
 * @param feed         feed URL, or null for a listing page
 * @param page         listing page URL, or null for a feed
 * @param linkSelector CSS selector for article links on the listing page
 * @param interval     how often the source is polled
 * @param enabled      a disabled source is kept but not polled
 * @param allowPrivate whether this source's own host may be reached on a private network (an intranet feed). It
 *                     covers the feed or listing page and the article links on that same host, nothing else: a link
 *                     in the feed to any other host is guarded like a link someone sends, so a feed cannot steer
 *                     Mojaz into the rest of the network. Only the configuration file grants it.
 */
public record SourceConfig(
        String id,
        String name,
        String language,
        URI feed,
        URI page,
        String linkSelector,
        Duration interval,
        Boolean enabled,
        Boolean allowPrivate) {
    public SourceConfig {
        Check.notBlank("id", id);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new InvalidValueException("id", "must be lower-case letters, digits and dashes, at most 40 (was '" + id + "')");
        }
        name = name == null || name.isBlank() ? id : name;
        language = language == null || language.isBlank() ? "ar" : language;
        if ((feed == null) == (page == null)) {
            throw new InvalidValueException("feed", "give exactly one of 'feed' or 'page' for source '" + id + "'");
        }
        checkHttp("feed", feed);
        checkHttp("page", page);
        if (page != null) {
            Check.notBlank("link-selector", linkSelector);
        }
        interval = interval == null ? Duration.ofMinutes(10) : interval;
        Check.positive("interval", interval);
        enabled = enabled == null ? Boolean.TRUE : enabled;
        allowPrivate = allowPrivate == null ? Boolean.FALSE : allowPrivate;
    }

    /** A source without private access: how sources added at run time (by an admin, by OPML import) are made. */
    public SourceConfig(String id, String name, String language, URI feed, URI page, String linkSelector,
                        Duration interval, Boolean enabled) {
        this(id, name, language, feed, page, linkSelector, interval, enabled, false);
    }

    public boolean isFeed() {
        return feed != null;
    }

    /** The URL that is polled: the feed, or the listing page. */
    public URI url() {
        return feed != null ? feed : page;
    }

    private static void checkHttp(String key, URI uri) {
        if (uri == null) {
            return;
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidValueException(key, "must be an http or https URL (was '" + uri + "')");
        }
    }
}
