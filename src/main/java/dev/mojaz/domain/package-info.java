/**
 * Bringing articles in: the seams shared with the other parts ({@link dev.mojaz.domain.Article},
 * {@link dev.mojaz.domain.ArticleRepository}, {@link dev.mojaz.domain.SourceState},
 * {@link dev.mojaz.domain.SourceStateRepository}, {@link dev.mojaz.domain.SourceRepository}) and the near-duplicate
 * signature ({@link dev.mojaz.ingest.dedupe.SimHash}). The work is in sub-packages by concern:
 * <ul>
 *   <li>{@code http}: the one HTTP fetcher, its limits and the SSRF guard;</li>
 *   <li>{@code feed}: RSS/RDF/Atom feeds (Rome, XML made safe) and listing pages (Jsoup);</li>
 *   <li>{@code ingest}: canonical URLs and feed entry → stored article (extract, summarise, sign, store);</li>
 *   <li>{@code poll}: per-source polling with conditional GET, back-off and health, on a bounded pool;</li>
 *   <li>{@code catalog}: the effective source list and OPML;</li>
 *   <li>{@code memory}: in-memory repositories for tests and for running without the SQLite store.</li>
 * </ul>
 * Storage is behind the repository interfaces; the {@code store} package implements them over SQLite.
 */
package dev.mojaz.domain;
