package dev.mojaz.ingest.summary;

/**
 * How long a summary should be: a number of sentences, or a target number of words (sentences are added in rank
 * order until the target is reached; the last may pass it), and in both cases an optional cap in characters.
 *
 * @param sentences     sentences wanted, or 0 when a word target is given
 * @param words         word target, or 0 when a sentence count is given
 * @param maxCharacters stop adding sentences once this many characters are reached (0: no cap); the first pick is
 *                      always kept, so a summary is never empty because of the cap
 */
public record SummaryLength(int sentences, int words, int maxCharacters) {
    public SummaryLength {
        if ((sentences > 0) == (words > 0)) {
            throw new IllegalArgumentException("give either a number of sentences or of words, both positive");
        }
        if (maxCharacters < 0) {
            throw new IllegalArgumentException("maxCharacters must not be negative");
        }
    }

    public static SummaryLength sentences(int n) {
        return new SummaryLength(n, 0, 0);
    }

    public static SummaryLength words(int n) {
        return new SummaryLength(0, n, 0);
    }

    /** The same length, capped at {@code characters}. */
    public SummaryLength capped(int characters) {
        return new SummaryLength(sentences, words, characters);
    }
}
