/**
 * The Arabic text engine: normalisation for matching and scoring, tokens, sentences, stop words, light stems and
 * boilerplate line rules, and the near-duplicate signature ({@link dev.mojaz.text.SimHash}) by which ingest signs an
 * article and the store groups articles into stories. Built on Lucene's Arabic analysis where Lucene has the piece.
 *
 * <p>Normalised text is for comparing and counting only: what people see is always the text exactly as written.
 */
package dev.mojaz.text;
