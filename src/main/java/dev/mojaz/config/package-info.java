/**
 * Configuration: {@code config/mojaz.yaml} read into small immutable records and validated once at start.
 *
 * <p>{@link dev.mojaz.config.ConfigLoader} is the one entry point. It lays the file over the built-in defaults
 * ({@code defaults.yaml} on the classpath), so a key the file leaves out keeps its default, and reports any
 * unknown key, wrong type or invalid value as a {@link dev.mojaz.config.ConfigException} naming the file and the
 * key. Secrets never come from the file: they are read from the environment by the code that needs them.
 */
package dev.mojaz.config;
