/**
 * The conversation model: chats, people, what arrives ({@link dev.mojaz.bot.chat.Incoming}) and what goes out
 * ({@link dev.mojaz.delivery.compose.OutgoingMessage} and friends). Small immutable records with no Telegram library type
 * in them, so that handlers, the outbox, the console and the tests all speak the same language.
 */
package dev.mojaz.bot.chat;
