/**
 * Bringing articles in: the HTTP fetcher (limits, charsets, SSRF guard), feed and listing-page readers, the
 * per-source poller with its health, and the ingest step that turns a feed entry into a stored {@link
 * dev.mojaz.source.Article}.
 *
 * <p>Storage is behind {@link dev.mojaz.source.ArticleRepository} and {@link dev.mojaz.source.SourceStateRepository};
 * the {@code store} package implements them over SQLite.
 */
package dev.mojaz.source;
