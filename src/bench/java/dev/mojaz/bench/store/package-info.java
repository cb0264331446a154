/** Benchmarks of the store: what an outbox claim costs as the backlog grows, on SQLite and on PostgreSQL. */
package dev.mojaz.bench.store;
