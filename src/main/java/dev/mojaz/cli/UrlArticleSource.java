package dev.mojaz.cli;

import dev.mojaz.extract.ExtractedPage;
import java.io.IOException;
import java.net.URI;

/**
 * Fetches the page at an http(s) URL and extracts its article, for commands that take {@code FILE|URL|-}. The seam
 * between the command line and fetching: {@code summarize} is given one in its constructor.
 */
@FunctionalInterface
public interface UrlArticleSource {
    /** The source used until fetching is wired in: every URL is a usage error that says what to do instead. */
    UrlArticleSource UNAVAILABLE = url -> {
        throw new UsageException(url + ": fetching URLs is not available in this build yet; save the article text "
                + "to a file and pass the file (or '-' for standard input)");
    };

    /**
     * @throws IOException          when the page cannot be fetched (reported as a failure, exit 1)
     * @throws UsageException       when the URL itself is unacceptable (exit 2)
     */
    ExtractedPage load(URI url) throws IOException;
}
