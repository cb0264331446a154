/**
 * A fake Telegram Bot API server for tests ({@link dev.mojaz.bot.fake.FakeTelegramServer}), with the fake clock
 * and sleeper that let tests run flood waits and rate limits in no time. It speaks the real protocol, so the real
 * TelegramBots client is what the bot's tests exercise.
 */
package dev.mojaz.bot.fake;
