/**
 * From what arrives to what the bot does: {@link dev.mojaz.bot.command.CommandParser} reads
 * {@code /command@bot arguments}, {@link dev.mojaz.bot.command.Router} sends each message, command, button press
 * or membership change to its {@link dev.mojaz.bot.command.Handler}, with a
 * {@link dev.mojaz.bot.command.Context} that knows the chat, the person's language and how to reply. Replies go
 * to a {@link dev.mojaz.bot.command.ReplySink}: through the durable outbox in the application
 * ({@link dev.mojaz.bot.outbox.OutboxReplies}), or at once ({@link dev.mojaz.bot.command.DirectReplies}).
 */
package dev.mojaz.bot.command;
