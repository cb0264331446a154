/**
 * Sending within Telegram's limits, and knowing what became of each message.
 *
 * <p>{@link dev.mojaz.bot.send.RateLimiter} says when each message may go (about 30 a second overall, one a
 * second to a chat, 20 a minute to a group, all from config) and holds chats, or everyone, for exactly the
 * {@code retry_after} Telegram asks. {@link dev.mojaz.bot.send.MessageGateway} sends one request and classifies
 * what happened as a {@link dev.mojaz.bot.send.SendOutcome}; {@link dev.mojaz.bot.send.MessageSender} puts the
 * two together with back-off for transient failures. Time comes from an injected {@link java.time.Clock} and
 * waiting from a {@link dev.mojaz.bot.send.Sleeper}, so tests run a flood wait of minutes in no time.
 */
package dev.mojaz.bot.send;
