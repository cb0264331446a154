/**
 * From what arrives to what the bot does: {@link dev.mojaz.bot.command.CommandParser} reads
 * {@code /command@bot arguments}, {@link dev.mojaz.bot.command.Router} sends each message, command, button press
 * or membership change to its {@link dev.mojaz.bot.command.Handler}, with a
 * {@link dev.mojaz.bot.command.Context} that knows the chat, the person's language and how to reply. Replies go
 * to a {@link dev.mojaz.bot.command.ReplySink}: through the durable outbox in the application
 * ({@code bot.conversation.OutboxReplies}), or at once ({@link dev.mojaz.bot.command.DirectReplies}).
 * {@link dev.mojaz.bot.command.CommandMenu} is the command list each kind of chat is offered.
 */
package dev.mojaz.bot.command;
