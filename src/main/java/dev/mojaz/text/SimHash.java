package dev.mojaz.text;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Near-duplicate test on 64-bit SimHash signatures. The signature is computed at ingest ({@link #signature}); the
 * store calls {@link #isNearDuplicate} when it groups articles into stories.
 *
 * <p>Features are the words of the text after {@link ArabicNormalizer} (so spelling variants of one word are one
 * feature), each weighted by how often it occurs: word 1-shingles. Longer shingles were measured on the seed
 * articles and move too many bits: a reworded lead changes every 2- or 3-shingle it touches, and with them 5 to 10
 * of the 64 bits, past {@link #MAX_DISTANCE}; counted words move 0 to 3 bits for the same edit, while different
 * articles on the same subject stay 10 or more bits apart.
 *
 * <p>Only paragraphs of at least {@value #MIN_PARAGRAPH_WORDS} words count (the whole text when none is that
 * long): datelines, sub-headings, share prompts, "read also" teasers and promotion lines are short, and they are
 * exactly what a republishing site changes. Titles are not part of it either (republishers retitle).
 */
public final class SimHash {
    /** Signatures at most this many bits apart are the same story told twice. */
    public static final int MAX_DISTANCE = 3;

    private SimHash() {
    }

    /** Shorter lines are left out of the signature: see the class comment. */
    static final int MIN_PARAGRAPH_WORDS = 10;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    /**
     * The 64-bit SimHash of {@code text} (paragraphs one a line, or separated by blank lines): for every bit, the sum
     * over words of +count when the word's hash has the bit set and -count otherwise; the bit is set when the sum is
     * positive. Stable across runs and machines (the
     * word hash is FNV-1a with a fixed finaliser, not {@link String#hashCode}), so stored signatures stay
     * comparable. A text without words has signature 0.
     */
    public static long signature(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> all = new HashMap<>();
        for (String line : ArabicNormalizer.normalize(text).split("\n")) {
            Map<String, Integer> lineCounts = new HashMap<>();
            int words = 0;
            for (String word : NON_WORD.split(line)) {
                if (!word.isEmpty()) {
                    lineCounts.merge(word, 1, Integer::sum);
                    words++;
                }
            }
            lineCounts.forEach((word, n) -> all.merge(word, n, Integer::sum));
            if (words >= MIN_PARAGRAPH_WORDS) {
                lineCounts.forEach((word, n) -> counts.merge(word, n, Integer::sum));
            }
        }
        long[] sums = new long[64];
        // A short text, with no paragraph that long: every word counts.
        for (Map.Entry<String, Integer> feature : (counts.isEmpty() ? all : counts).entrySet()) {
            long hash = hash(feature.getKey());
            int weight = feature.getValue();
            for (int bit = 0; bit < 64; bit++) {
                sums[bit] += ((hash >>> bit) & 1) != 0 ? weight : -weight;
            }
        }
        long signature = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (sums[bit] > 0) {
                signature |= 1L << bit;
            }
        }
        return signature;
    }

    /** FNV-1a over the UTF-16 code units, then MurmurHash3's 64-bit finaliser to spread FNV's weak low bits. */
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean isNearDuplicate(long a, long b) {
        return distance(a, b) <= MAX_DISTANCE;
    }
}
