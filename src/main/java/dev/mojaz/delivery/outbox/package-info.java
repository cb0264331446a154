/**
 * The durable way out: every message the bot sends waits in the outbox ({@link dev.mojaz.domain.OutboxRepository})
 * until Telegram has accepted it. {@link dev.mojaz.delivery.outbox.OutboxSender} claims due messages, sends them
 * through a {@link dev.mojaz.delivery.outbox.MessageGateway} within the {@link dev.mojaz.delivery.outbox.RateLimiter}'s
 * limits and records what became of each ({@link dev.mojaz.delivery.outbox.SendOutcome}): sent, retried at the exact
 * time Telegram asked or after a back-off, given up, the chat deactivated or moved
 * ({@link dev.mojaz.delivery.outbox.ChatLifecycle}). {@link dev.mojaz.delivery.outbox.MessageSender} sends one message
 * at once, for edits and button answers, which are worth nothing later.
 */
package dev.mojaz.delivery.outbox;
