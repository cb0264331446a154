/**
 * From stored articles to the messages people asked for.
 *
 * <ul>
 *   <li>{@link dev.mojaz.delivery.dispatch.AlertDispatcher}: instant alerts for the articles stored since its
 *       position (kept in bot state), matched by the {@link dev.mojaz.match.SubscriptionIndex}, once per story and
 *       chat, held during quiet hours ({@link dev.mojaz.delivery.dispatch.QuietTime}).</li>
 *   <li>{@link dev.mojaz.delivery.dispatch.DigestScheduler}: digests at each chat's hours, once per hour across
 *       restarts, and on demand ({@link dev.mojaz.delivery.dispatch.OnDemandDigest}, the seam {@code /digest}
 *       calls).</li>
 * </ul>
 * Everything produced here goes into the durable outbox in the same transaction that records the delivery (or the
 * digest hour), so nothing is lost and nothing is sent twice.
 */
package dev.mojaz.delivery.dispatch;
