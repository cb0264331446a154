package dev.mojaz.config;

import java.time.Duration;

/**
 * Alerts and digests: what goes into them and how often the dispatcher looks for work.
 *
 * @param sendEmpty          send "nothing new" at a digest hour when nothing matched (otherwise the hour passes
 *                           silently, and still counts as done)
 * @param maxItems           articles in one digest at most (the newest are kept)
 * @param lookback           a digest never reaches further back than this, whatever its last digest (the first
 *                           digest of an old chat, a bot that was down for days)
 * @param maxArticlesScanned newest articles read to build the digests due at one moment
 * @param alertMaxAge        an article published longer ago than this is not alerted (it still goes into digests):
 *                           the first poll of a new source stores its whole feed, and nobody wants fifty alerts
 *                           about yesterday
 * @param interval           how often the dispatcher looks for due digests and new articles; it also runs right
 *                           after every poll that stored something
 */
public record DigestConfig(
        boolean sendEmpty,
        int maxItems,
        Duration lookback,
        int maxArticlesScanned,
        Duration alertMaxAge,
        Duration interval) {
    public DigestConfig {
        Check.range("max-items", maxItems, 1, 500);
        Check.positive("lookback", lookback);
        Check.range("max-articles-scanned", maxArticlesScanned, 1, 1_000_000);
        Check.positive("alert-max-age", alertMaxAge);
        Check.positive("interval", interval);
    }
}
