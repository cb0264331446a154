package dev.mojaz.cli;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.FetchConfig;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.http.FetchResponse;
import dev.mojaz.ingest.http.HttpFetcher;
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

    /**
     * The loader over the application's HTTP fetcher, with every {@code fetch.*} limit and the SSRF guard of the
     * configuration in the working directory (built-in defaults when there is none). A refused or malformed URL is a
     * usage error; a fetch that fails is an {@link IOException} naming the URL and the problem.
     */
    static PageLoader fetching(CliContext context) {
        return url -> {
            FetchConfig config = new ConfigLoader(context.environment())
                    .loadDefaultLocation(context.workingDirectory()).fetch();
            try (HttpFetcher fetcher = new HttpFetcher(config, context.clock())) {
                FetchResponse response = fetcher.fetch(FetchRequest.page(url));
                return new Page(response.body(), response.contentType(), response.finalUrl());
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.BAD_URL || e.kind() == FetchException.Kind.BLOCKED) {
                    throw new UsageException(e.getMessage(), e);
                }
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}
