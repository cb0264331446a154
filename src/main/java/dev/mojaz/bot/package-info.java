/**
 * The Telegram bot: everything people touch.
 *
 * <p>Sub-packages by concern, with dependencies pointing from the Telegram edge inwards:
 * <ul>
 *   <li>{@link dev.mojaz.bot.chat}: the conversation model (chats, people, what arrives, what goes out), free of
 *       any Telegram library type, so the console and the tests speak it too;</li>
 *   <li>{@link dev.mojaz.bot.format}: Telegram HTML, escaping, length as Telegram counts it, splitting long texts;</li>
 *   <li>{@link dev.mojaz.bot.i18n}: every text the bot says (Arabic first, English), and the command lists;</li>
 *   <li>{@link dev.mojaz.bot.send}: rate limits, retries and the classification of what a send came to;</li>
 *   <li>{@link dev.mojaz.bot.outbox}: replies through the durable outbox, and the sender that empties it;</li>
 *   <li>{@link dev.mojaz.bot.command}: parsing commands and routing what arrives to handlers;</li>
 *   <li>{@link dev.mojaz.bot.conversation}: the handlers themselves over the store, replies through the durable
 *       outbox, one entry point ({@link dev.mojaz.bot.conversation.Conversation});</li>
 *   <li>{@link dev.mojaz.bot.telegram}: the only package that touches TelegramBots: the Bot API client, long
 *       polling or the webhook, turning updates into the conversation model and failures into send outcomes.</li>
 * </ul>
 */
package dev.mojaz.bot;
