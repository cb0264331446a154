/**
 * Extractive summaries: the article's own best sentences, exactly as written, in article order.
 * {@link dev.mojaz.ingest.summary.Summarizer} is the entry point.
 */
package dev.mojaz.ingest.summary;
