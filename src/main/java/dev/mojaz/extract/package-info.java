/**
 * Article extraction from HTML: charset decoding, metadata (JSON-LD, OpenGraph, meta tags) and the main text,
 * with navigation, asides, widgets, related lists and boilerplate lines removed.
 * {@link dev.mojaz.extract.ArticleExtractor} is the entry point.
 */
package dev.mojaz.extract;
