package dev.mojaz.text;

/**
 * Folds the spelling variation of Arabic (and case of Latin) so that text can be compared and counted, never shown.
 *
 * <p>Lucene's {@link org.apache.lucene.analysis.ar.ArabicNormalizer} does the core of it: أ إ آ to ا, ى to ي,
 * ة to ه, tatweel and the common harakat removed. Around it this class adds what Lucene leaves out: alef wasla
 * ٱ to ا, the Quranic marks U+0610–U+061A, the remaining marks U+0653–U+065F and superscript alef U+0670,
 * Arabic-Indic and Eastern Arabic-Indic digits to ASCII, invisible joiners and direction marks removed, and lower
 * case.
 *
 * <p>Work is linear in the text: Lucene's normaliser shifts characters to delete them, so it is given bounded chunks
 * (its folding is per character, so a chunk boundary never changes the result).
 */
public final class ArabicNormalizer {
    private static final int CHUNK = 256;
    private static final org.apache.lucene.analysis.ar.ArabicNormalizer LUCENE =
            new org.apache.lucene.analysis.ar.ArabicNormalizer();

    private ArabicNormalizer() {
    }

    /** The normalised form of {@code text}; same length or shorter. */
    public static String normalize(CharSequence text) {
        int length = text.length();
        char[] out = new char[length];
        char[] chunk = new char[Math.min(CHUNK, Math.max(length, 1))];
        int outLength = 0;
        for (int start = 0; start < length; start += CHUNK) {
            int n = Math.min(CHUNK, length - start);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                char c = fold(text.charAt(start + i));
                if (c != REMOVED) {
                    chunk[kept++] = c;
                }
            }
            int normalized = LUCENE.normalize(chunk, kept);
            System.arraycopy(chunk, 0, out, outLength, normalized);
            outLength += normalized;
        }
        return new String(out, 0, outLength);
    }

    /**
     * Normalises one word in place, for the per-token path of the text engine where allocating a String per token
     * would cost more than the folding itself.
     *
     * @return the new length (same or shorter)
     */
    public static int normalize(char[] buffer, int length) {
        if (length > CHUNK) {
            String normalized = normalize(new String(buffer, 0, length));
            normalized.getChars(0, normalized.length(), buffer, 0);
            return normalized.length();
        }
        int kept = 0;
        for (int i = 0; i < length; i++) {
            char c = fold(buffer[i]);
            if (c != REMOVED) {
                buffer[kept++] = c;
            }
        }
        return LUCENE.normalize(buffer, kept);
    }

    /** Marker for a character that folds to nothing. */
    private static final char REMOVED = '\uFFFF';

    /** The folding Lucene does not do, one character at a time. */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c >= '\u0600' && c <= '\u06FF') {
            return foldArabic(c); // most of the text: its own path, without the case lookup
        }
        if (isInvisible(c)) {
            return REMOVED;
        }
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : c;
    }

    /** {@link #fold} for the Arabic block, U+0600–U+06FF, which has no upper or lower case. */
    private static char foldArabic(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        if (c == '\u0671') {
            return '\u0627';
        }
        if (isMark(c) || c == '\u061C') {
            return REMOVED;
        }
        return c;
    }

    /** Joiners, direction marks and the byte-order mark: invisible, and they split words that look identical. */
    static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || c == '\uFEFF' || c == '\u061C' || (c >= '\u202A' && c <= '\u202E')
                || c == '\u00AD';
    }

    /** Diacritics and Quranic annotation marks that carry no meaning for matching. */
    static boolean isMark(char c) {
        return (c >= '\u0610' && c <= '\u061A') || (c >= '\u064B' && c <= '\u065F') || c == '\u0670'
                || c == '\u0640';
    }
}
