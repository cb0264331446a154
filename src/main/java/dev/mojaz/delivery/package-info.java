/**
 * From stored articles and replies to messages Telegram has accepted, each sub-package depending only on those
 * before it:
 * <ul>
 *   <li>{@link dev.mojaz.delivery.compose}: what a message is (text, keyboard, preview) and how alerts and digests
 *       are written, cut into messages of at most 4096 characters, and stored as outbox rows;</li>
 *   <li>{@link dev.mojaz.delivery.outbox}: the sender that empties the durable outbox within Telegram's rate limits,
 *       and what it does when a chat is gone or moved;</li>
 *   <li>{@link dev.mojaz.delivery.dispatch}: instant alerts and digests, enqueued in the same transaction that
 *       records them as delivered.</li>
 * </ul>
 */
package dev.mojaz.delivery;
