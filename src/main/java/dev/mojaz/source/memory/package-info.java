/**
 * In-memory implementations of the storage seams ({@link dev.mojaz.source.ArticleRepository},
 * {@link dev.mojaz.source.SourceStateRepository}, {@link dev.mojaz.source.SourceRepository}): for tests, and for
 * running the commands before (or without) the SQLite store. Nothing here survives the process.
 */
package dev.mojaz.source.memory;
