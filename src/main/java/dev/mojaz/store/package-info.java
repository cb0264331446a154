/**
 * Durable state, the implementation of the {@code domain} ports: articles and their stories, run-time sources and
 * their poll state, chats with their settings, subscriptions, deliveries, the outbox of messages waiting to be sent,
 * and the bot's own bookkeeping. Depends only on {@code domain} and what is below it.
 *
 * <p>{@link dev.mojaz.store.SqlStorage#open} is the entry point: it opens the database (SQLite by default, PostgreSQL
 * by JDBC URL), brings the schema up to date with Flyway, and hands out one small repository per table group.
 * Every repository method is one transaction; {@link dev.mojaz.store.SqlStorage#transaction} joins several calls into
 * one. SQL is kept portable between SQLite and PostgreSQL; what differs lives in {@link dev.mojaz.store.Dialect}.
 *
 * <p>Times are stored as epoch milliseconds (UTC) in BIGINT columns, so they sort, compare and index the same way
 * in both databases.
 */
package dev.mojaz.store;
