/**
 * The lab: benchmarks and evaluations, kept out of the product jar. In the default build this is test code (its
 * tests run with every {@code mvn test}); {@code mvn -Pbench -DskipTests package} builds it into
 * {@code target/mojaz-bench.jar}, whose {@link dev.mojaz.bench.BenchMain} offers the product's commands plus
 * {@code bench} and {@code eval}.
 *
 * <ul>
 *   <li>{@link dev.mojaz.bench.cli}: the {@code bench} and {@code eval} commands;</li>
 *   <li>{@link dev.mojaz.bench.match}: the match benchmark and its baseline (Lucene's monitor);</li>
 *   <li>{@link dev.mojaz.bench.extract}: extraction evaluation and the comparison extractors (Readability4J is found
 *       through {@link java.util.ServiceLoader});</li>
 *   <li>{@link dev.mojaz.bench.summary} and {@link dev.mojaz.bench.eval}: the TextRank baseline and ROUGE on EASC;</li>
 *   <li>{@link dev.mojaz.bench.app}: digest and reply-latency benchmarks with their loopback servers.</li>
 * </ul>
 */
package dev.mojaz.bench;
