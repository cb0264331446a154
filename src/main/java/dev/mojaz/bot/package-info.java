/**
 * The Telegram bot: everything people touch, by concern, each sub-package depending only on those before it:
 * <ul>
 *   <li>{@link dev.mojaz.bot.chat}: the conversation model (chats, people, what arrives, the intake's seams), free
 *       of any Telegram library type, so the console and the tests speak it too;</li>
 *   <li>{@link dev.mojaz.bot.command}: parsing commands, routing what arrives to handlers, the command menus;</li>
 *   <li>{@link dev.mojaz.bot.conversation}: the handlers themselves over the store, replies through the durable
 *       outbox, one entry point ({@link dev.mojaz.bot.conversation.Conversation});</li>
 *   <li>{@link dev.mojaz.bot.telegram}: the only package that touches TelegramBots: the Bot API client, long
 *       polling or the webhook, turning updates into the conversation model and failures into send outcomes.</li>
 * </ul>
 * What the bot writes and how it goes out (Telegram HTML, texts, the outbox, alerts and digests) sits below, in
 * {@code html}, {@code i18n} and {@code delivery}.
 */
package dev.mojaz.bot;
