package dev.mojaz.ingest.feed;

import com.ibm.icu.lang.UScript;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.http.FetchResponse;
import dev.mojaz.ingest.http.HttpFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a link someone sends can be read as, checked before it becomes a source: a feed (RSS, RDF, Atom) with
 * items; a page that names its feed in {@code <link rel="alternate">} (autodiscovery), whose feed is then read; or
 * a site's page without a feed, read as a listing page when one of a few usual layouts picks at least two article
 * links on the same site. Every request goes through the application's guarded fetcher, so a link people send
 * never reaches a private network.
 */
public final class FeedDiscovery {
    /** Listing layouts tried in order: the first that picks enough links on the site itself is kept. */
    static final List<String> LISTING_SELECTORS = List.of("article a[href]", "main h2 a[href], main h3 a[href]",
            "h2 a[href], h3 a[href]", "main li a[href]", "li a[href]");
    /** Fewer links than this is not a listing: a page with one link to an article is that article's teaser. */
    static final int MIN_LISTING_LINKS = 2;

    /**
     * A source found behind a link.
     *
     * @param url          what is polled: the feed, or the listing page
     * @param linkSelector for a listing page, the CSS selector that picks its article links; null for a feed
     * @param title        the feed's or page's title (may be empty)
     * @param items        how many items (articles) it lists now
     * @param language     the language its titles are written in ({@code ar}, {@code en}), as far as their script tells
     */
    public record Found(URI url, String linkSelector, String title, int items, String language) {
        public Found {
            Objects.requireNonNull(url, "url");
            title = title == null ? "" : title.strip();
        }

        public boolean isFeed() {
            return linkSelector == null;
        }
    }

    /** Why a link that was fetched is not a source. */
    public static final class NotASource extends Exception {
        private static final long serialVersionUID = 1L;

        /** What was wrong. */
        public enum Reason {
            /** A feed, or a page's feed, that lists nothing. */
            EMPTY,
            /** Neither a feed, nor a page naming one, nor a page listing articles. */
            NOTHING_TO_READ
        }

        private final Reason reason;

        NotASource(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final HttpFetcher fetcher;
    private final FeedReader feeds = new FeedReader();
    private final ListingReader listings = new ListingReader();

    public FeedDiscovery(HttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * Fetches {@code link} and finds the source behind it.
     *
     * @throws FetchException when the link (or the feed its page names) cannot be fetched: refused by the address
     *                        guard, not found, too large, too slow
     * @throws NotASource     when what it fetched holds nothing to read
     */
    public Found discover(URI link) throws FetchException, NotASource {
        FetchResponse response = fetcher.fetch(FetchRequest.feed(link).uncached());
        URI at = response.finalUrl();
        Optional<Feed> feed = asFeed(response);
        if (feed.isPresent()) {
            return found(at, null, feed.get(), at);
        }
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(response.body()), null, at.toString());
        } catch (IOException e) {
            throw new NotASource(NotASource.Reason.NOTHING_TO_READ, "unreadable page: " + e.getMessage());
        }
        Optional<URI> named = alternateFeed(page, at);
        if (named.isPresent()) {
            FetchResponse feedResponse = fetcher.fetch(FetchRequest.feed(named.get()).uncached());
            Optional<Feed> alternate = asFeed(feedResponse);
            if (alternate.isPresent()) {
                return found(feedResponse.finalUrl(), null, alternate.get(), feedResponse.finalUrl());
            }
        }
        for (String selector : LISTING_SELECTORS) {
            try {
                Feed listed = listings.read(response.body(), response.contentType(), at, selector);
                long onSite = listed.entries().stream().filter(e -> isArticleOf(e.link(), at)).count();
                if (onSite >= MIN_LISTING_LINKS) {
                    Feed title = new Feed(page.title(), listed.entries(), List.of());
                    return found(at, selector, title, at);
                }
            } catch (FeedFormatException e) {
                // this layout does not fit; the next one may
            }
        }
        throw new NotASource(NotASource.Reason.NOTHING_TO_READ, at + " is not a feed, names no feed and lists no"
                + " articles");
    }

    /** The response read as a feed; empty when it is not one. */
    private Optional<Feed> asFeed(FetchResponse response) throws NotASource {
        Feed feed;
        try {
            feed = feeds.read(response.body(), response.contentType(), response.finalUrl());
        } catch (FeedFormatException e) {
            return Optional.empty();
        }
        if (feed.entries().isEmpty()) {
            throw new NotASource(NotASource.Reason.EMPTY, response.finalUrl() + " is a feed without items");
        }
        return Optional.of(feed);
    }

    private static Found found(URI url, String selector, Feed feed, URI at) {
        String title = feed.title() == null || feed.title().isBlank() ? at.getHost() : feed.title();
        return new Found(url, selector, title, feed.entries().size(), language(feed));
    }

    /** The first feed a page names: {@code <link rel="alternate" type="application/rss+xml" href="…">}. */
    static Optional<URI> alternateFeed(Document page, URI base) {
        for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("rdf")) {
                Optional<URI> url = Links.resolve(base, link.attr("href"));
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }

    /** A link to a page of the same site, deeper than its front page and not the listing itself. */
    private static boolean isArticleOf(URI link, URI site) {
        String path = link.getPath() == null ? "" : link.getPath();
        return link.getHost() != null && link.getHost().equalsIgnoreCase(site.getHost()) && path.length() > 1
                && !link.equals(site);
    }

    /** Arabic when most letters of the titles are Arabic, English when most are Latin, else Arabic (the default). */
    private static String language(Feed feed) {
        int arabic = 0;
        int latin = 0;
        for (FeedEntry entry : feed.entries()) {
            String title = entry.title() == null ? "" : entry.title();
            for (int i = 0; i < title.length(); ) {
                int c = title.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isLetter(c)) {
                    int script = UScript.getScript(c);
                    if (script == UScript.ARABIC) {
                        arabic++;
                    } else if (script == UScript.LATIN) {
                        latin++;
                    }
                }
            }
        }
        return latin > arabic ? "en" : "ar";
    }
}
