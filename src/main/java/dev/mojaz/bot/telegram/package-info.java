/**
 * The only package that touches TelegramBots 9.6: the Bot API client over OkHttp
 * ({@link dev.mojaz.bot.telegram.TelegramConnection}), sending with every failure classified
 * ({@link dev.mojaz.bot.telegram.TelegramGateway}, {@link dev.mojaz.bot.telegram.FailureClassifier}), long
 * polling on threads we own and stop, different chats at once and each chat in order, acknowledging only what has
 * committed ({@link dev.mojaz.bot.telegram.LongPollingIntake}), or the webhook with its
 * secret token ({@link dev.mojaz.bot.telegram.WebhookIntake}), turning updates into
 * the conversation model ({@link dev.mojaz.bot.telegram.UpdateParser}) and registering the command menus
 * ({@link dev.mojaz.bot.telegram.CommandMenuRegistrar}). Everything else in the bot speaks
 * {@link dev.mojaz.bot.chat} and never sees a TelegramBots type.
 */
package dev.mojaz.bot.telegram;
