package dev.mojaz.cli;

import java.io.IOException;
import java.net.URI;

/**
 * How a command gets a page it was given by URL. The seam between the command line and HTTP fetching: commands take
 * one in their constructor, so tests pass a local one and the fetching code plugs in its client.
 */
@FunctionalInterface
public interface PageLoader {

    /** A fetched page: raw body bytes, the Content-Type header (or null), and the URL it finally came from. */
    record Page(byte[] body, String contentType, URI url) {
    }

    /** Fetches {@code url}; failures are exceptions whose message names the URL and the problem. */
    Page load(URI url) throws IOException;

    /** The loader of a build without HTTP fetching: every URL is a usage error that says what to do instead. */
    static PageLoader unavailable() {
        return url -> {
            throw new UsageException("fetching URLs is not available in this build yet: save the page and pass the"
                    + " file (with --url " + url + " to keep its address)");
        };
    }
}
