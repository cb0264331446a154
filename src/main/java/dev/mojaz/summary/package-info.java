/**
 * Extractive summaries: the article's own best sentences, exactly as written, in article order.
 * {@link dev.mojaz.summary.Summarizer} is the entry point.
 */
package dev.mojaz.summary;
