package dev.mojaz.bot.fake;

import java.time.Duration;

/**
 * The flood limits the fake server applies to sendMessage, each as a sliding window: at most {@code n} messages
 * in any window of the given length (a message exactly one window after another does not share its window).
 *
 * @param perSecond   messages across all chats in any one second (Telegram: about 30)
 * @param chatBurst   messages to one chat in any {@code chatBurst} seconds: one a second on average, short bursts
 *                    pass (Telegram: about one a second)
 * @param groupPerMinute messages to one group or channel (negative id) in any minute (Telegram: 20)
 * @param enforce     answer a message over a limit with 429 and retry_after (not delivering it); otherwise
 *                    deliver it and only count the violation
 */
public record RateRules(int perSecond, int chatBurst, int groupPerMinute, boolean enforce) {
    /** Telegram's documented limits, enforced. */
    public static RateRules telegram() {
        return new RateRules(30, 3, 20, true);
    }

    /** No limits: nothing counts as a violation. */
    public static RateRules none() {
        return new RateRules(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
    }

    public RateRules withPerSecond(int n) {
        return new RateRules(n, chatBurst, groupPerMinute, enforce);
    }

    public RateRules countingOnly() {
        return new RateRules(perSecond, chatBurst, groupPerMinute, false);
    }

    Duration chatWindow() {
        return Duration.ofSeconds(chatBurst);
    }
}
