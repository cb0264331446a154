/**
 * The durable way out: every message the bot sends waits in the store's outbox until Telegram has accepted it.
 *
 * <p>{@link dev.mojaz.bot.outbox.OutboxReplies} is the {@link dev.mojaz.bot.command.ReplySink} that enqueues
 * replies (edits of the bot's own messages and answers to button presses go at once: they are part of the
 * conversation's flow, not news). {@link dev.mojaz.delivery.outbox.OutboxSender} claims due messages, sends them within
 * the rate limits and records what became of each: sent, retried at the exact time Telegram asked or after a
 * back-off, given up, the chat deactivated or moved. {@link dev.mojaz.delivery.compose.OutboxCodec} turns the outbox's
 * rows into messages and back.
 */
package dev.mojaz.delivery.outbox;
