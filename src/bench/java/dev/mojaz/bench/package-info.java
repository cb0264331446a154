/**
 * Comparison extractors that must stay out of the main jar (Readability4J), built only by the {@code bench} Maven
 * profile into {@code target/mojaz-bench.jar} and found by {@code eval extraction} and {@code bench extract}
 * through {@link java.util.ServiceLoader}.
 */
package dev.mojaz.bench;
