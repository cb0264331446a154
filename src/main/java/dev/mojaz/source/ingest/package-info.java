/**
 * Turning feed entries into stored articles: canonical URLs, the known-article check before any fetch, the article
 * page fetched and extracted (falling back to the entry's own text), the summary, the SimHash signature, and the
 * store. {@link dev.mojaz.source.ingest.Ingestor} is the entry point; {@link dev.mojaz.source.ingest.CanonicalUrl}
 * is the one definition of "the same URL".
 */
package dev.mojaz.source.ingest;
