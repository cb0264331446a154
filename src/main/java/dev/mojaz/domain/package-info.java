/**
 * What Mojaz is about, in small immutable records, and the ports through which the layers above keep them: articles
 * ({@link dev.mojaz.domain.Article}), sources and their poll state, chats ({@link dev.mojaz.domain.Chat},
 * {@link dev.mojaz.domain.ChatKind}, {@link dev.mojaz.domain.ChatSettings}, {@link dev.mojaz.domain.QuietHours}),
 * subscriptions, outbox messages, link summaries waiting to be made. One repository interface per concern, and
 * {@link dev.mojaz.domain.Storage} over all of them with transactions that span them. The {@code store} package
 * implements the ports over SQLite; only the application and the command line know that.
 */
package dev.mojaz.domain;
