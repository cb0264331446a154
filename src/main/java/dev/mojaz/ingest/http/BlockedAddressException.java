package dev.mojaz.ingest.http;

import java.net.UnknownHostException;

/**
 * A host the SSRF guard refused. It is an {@link UnknownHostException} because that is what OkHttp lets a
 * {@link okhttp3.Dns} throw; {@link HttpFetcher} turns it into a {@link FetchException} of kind
 * {@link FetchException.Kind#BLOCKED}.
 */
public final class BlockedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    public BlockedAddressException(String message) {
        super(message);
    }
}
