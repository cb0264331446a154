/**
 * Measuring extraction: the benchmark's shingle scoring rule, the dataset reader, the plain Jsoup baseline and the
 * {@link dev.mojaz.bench.extract.ComparisonExtractor} service through which other extractors (Readability4J in the
 * bench build) are compared in the same run, and {@link dev.mojaz.bench.extract.HostilePages}, valid HTML built to
 * make an extractor slow.
 */
package dev.mojaz.bench.extract;
