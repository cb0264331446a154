/**
 * From stored articles to the messages people asked for.
 *
 * <ul>
 *   <li>{@link dev.mojaz.match.LiveSubscriptions}: every receiving chat's subscriptions in memory, keyword queries
 *       in the {@link dev.mojaz.match.MatchEngine} and whole sources followed, matched against each new article.</li>
 *   <li>{@link dev.mojaz.delivery.dispatch.AlertDispatcher}: instant alerts for the articles stored since its position (kept in
 *       bot state), once per story and chat, held during quiet hours.</li>
 *   <li>{@link dev.mojaz.delivery.dispatch.DigestScheduler}: digests at each chat's hours, once per hour across restarts, and
 *       on demand ({@link dev.mojaz.delivery.dispatch.OnDemandDigest}, the seam {@code /digest} calls).</li>
 *   <li>{@link dev.mojaz.delivery.compose.NewsFormatter}: the texts of alerts and digests, from the bot's bundles, in
 *       Telegram HTML, digests cut at item boundaries.</li>
 * </ul>
 * Everything produced here goes into the durable outbox in the same transaction that records the delivery (or the
 * digest hour), so nothing is lost and nothing is sent twice. Writing messages uses {@code bot.format},
 * {@code bot.i18n} and {@code bot.outbox}'s codec, which depend on nothing above this package.
 */
package dev.mojaz.delivery.dispatch;
