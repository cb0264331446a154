/**
 * Bringing articles in, each sub-package depending only on those before it:
 * <ul>
 *   <li>{@link dev.mojaz.ingest.http}: the one HTTP fetcher, its limits and the SSRF guard;</li>
 *   <li>{@link dev.mojaz.ingest.feed}: RSS/RDF/Atom feeds (Rome, XML made safe) and listing pages (Jsoup);</li>
 *   <li>{@link dev.mojaz.ingest.extract}: the article text and metadata of a page;</li>
 *   <li>{@link dev.mojaz.ingest.summary}: extractive summaries, the article's own best sentences;</li>
 *   <li>{@link dev.mojaz.ingest.catalog}: the effective source list and OPML;</li>
 *   <li>{@link dev.mojaz.ingest.poll}: per-source polling with conditional GET, back-off and health, on a bounded
 *       pool, and each feed entry made a stored article (canonical URL, extract, summarise, sign, store).</li>
 * </ul>
 * Articles go to the {@link dev.mojaz.domain.ArticleRepository}; nothing here knows the store.
 */
package dev.mojaz.ingest;
