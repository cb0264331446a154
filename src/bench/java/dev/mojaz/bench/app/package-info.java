/**
 * {@code bench digest}: a digest to many chats sent through the real sender, client and HTTP stack to a local stand-in
 * for the Bot API that enforces Telegram's flood limits ({@link dev.mojaz.bench.app.FloodLimitedBotApi}), measuring
 * the sending rate against the cap, the 429s and the memory ({@link dev.mojaz.bench.app.DigestBenchmark}).
 */
package dev.mojaz.bench.app;
