/**
 * The conversation model: chats, people, what arrives ({@link dev.mojaz.bot.chat.Incoming}) and the seams between
 * the intake and the conversation ({@link dev.mojaz.bot.chat.IncomingHandler},
 * {@link dev.mojaz.bot.chat.UpdateOffsetStore}, {@link dev.mojaz.bot.chat.ChatAdmins},
 * {@link dev.mojaz.bot.chat.FileDownloads}). Small immutable records with no Telegram library type in them, so that
 * handlers, the console and the tests all speak the same language; what goes out is
 * {@link dev.mojaz.delivery.compose.OutgoingMessage} and friends.
 */
package dev.mojaz.bot.chat;
