/**
 * HTTP fetching with limits: one OkHttp client for the application, connect/read/total timeouts, a body-size cap
 * that also holds for compressed and trickled responses, redirects followed by hand so every hop is checked,
 * retries of transient failures honouring Retry-After, an in-memory page cache, and the SSRF guard.
 *
 * <p>{@link dev.mojaz.ingest.http.HttpFetcher} is the entry point; {@link dev.mojaz.ingest.http.AddressGuard} says
 * which addresses may be reached.
 */
package dev.mojaz.ingest.http;
