package dev.mojaz.config;

/**
 * How summaries are made when nobody asks for a particular length.
 *
 * @param sentences     sentences in a default summary
 * @param maxCharacters the default summary stops adding sentences past this many characters, so that it fits a
 *                      Telegram message with room for a title and a link
 * @param cacheSize     summaries kept in memory, keyed by the article's text
 */
public record SummaryConfig(int sentences, int maxCharacters, int cacheSize) {
    public SummaryConfig {
        Check.range("sentences", sentences, 1, 20);
        Check.range("max-characters", maxCharacters, 100, 4000);
        Check.range("cache-size", cacheSize, 0, 10_000_000);
    }
}
