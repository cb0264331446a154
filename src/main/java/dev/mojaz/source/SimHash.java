package dev.mojaz.source;

/**
 * Near-duplicate test on 64-bit SimHash signatures. The signature itself is computed at ingest; the store calls
 * {@link #isNearDuplicate} when it groups articles into stories.
 */
public final class SimHash {
    /** Signatures at most this many bits apart are the same story told twice. */
    public static final int MAX_DISTANCE = 3;

    private SimHash() {
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean isNearDuplicate(long a, long b) {
        return distance(a, b) <= MAX_DISTANCE;
    }
}
