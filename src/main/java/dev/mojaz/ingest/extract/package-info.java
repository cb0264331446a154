/**
 * Article extraction from HTML: charset decoding, metadata (JSON-LD, OpenGraph, meta tags) and the main text,
 * with navigation, asides, widgets, related lists and boilerplate lines removed.
 *
 * <p>{@link dev.mojaz.ingest.extract.ArticleExtractor} is the entry point (raw bytes or decoded HTML in, an
 * {@link dev.mojaz.ingest.extract.ExtractedPage} out). Beside it: {@link dev.mojaz.ingest.extract.HtmlDecoder} (the charset
 * rules on their own), {@link dev.mojaz.ingest.extract.RepeatedBoilerplate} (paragraphs one source repeats under every
 * article, learned from its stored texts), {@link dev.mojaz.ingest.extract.ExtractionCache} (results by URL) and
 * {@link dev.mojaz.ingest.extract.ExtractionBudget} (how long one page may take before the extractor settles for its
 * paragraphs' text). The lab ({@code bench eval extraction}, outside the product jar) measures extraction against a
 * benchmark, on real pages and on generated hostile ones.
 */
package dev.mojaz.ingest.extract;
