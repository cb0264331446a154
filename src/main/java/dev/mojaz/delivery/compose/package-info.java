/**
 * What goes out: {@link dev.mojaz.delivery.compose.OutgoingMessage} (a chat, Telegram HTML, an inline
 * {@link dev.mojaz.delivery.compose.Keyboard}, link previews on or off), edits and button answers;
 * {@link dev.mojaz.delivery.compose.NewsFormatter} writes alerts and digests from the bot's bundles;
 * {@link dev.mojaz.delivery.compose.MessageSplitter} cuts long texts into messages of at most 4096 characters as
 * Telegram counts them, at item boundaries first; {@link dev.mojaz.delivery.compose.OutboxCodec} turns a message into
 * an outbox row and back.
 */
package dev.mojaz.delivery.compose;
