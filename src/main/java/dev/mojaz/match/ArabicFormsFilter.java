package dev.mojaz.match;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Applies {@link ArabicForms} to Arabic words. On the document side every form of a word is emitted at the word's
 * position (the literal form first, the others stacked on it with position increment 0, as synonyms are), so that
 * phrases match across forms. On the query side each word becomes its single query form.
 *
 * <p>News repeats its words, so the document side remembers the forms of the words it has seen (the forms of a
 * word depend on nothing else). The memory is per filter, that is per thread, holds at most
 * {@link MatchAnalyzer#formsCacheSize()} words and is emptied when full or when {@link MatchAnalyzer#clearCaches()}
 * is called.
 */
final class ArabicFormsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final MatchAnalyzer owner;
    private final boolean documentSide;
    private final ArabicForms arabicForms = new ArabicForms();
    private final ArabicForms.Forms forms = new ArabicForms.Forms();
    /** Word → its forms packed as: count, then per form its length and its characters. */
    private final CharArrayMap<char[]> seen = new CharArrayMap<>(1024, false);
    private int seenGeneration;
    /** The forms being emitted for the current word, and where the next one starts (0 when none is left). */
    private char[] pending;
    private int pendingLeft;
    private int pendingAt;

    ArabicFormsFilter(TokenStream input, MatchAnalyzer owner, boolean documentSide) {
        super(input);
        this.owner = owner;
        this.documentSide = documentSide;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingLeft > 0) {
            emitPending();
            positionIncrement.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        if (length == 0 || !ArabicForms.isArabicLetter(buffer[0])) {
            return true;
        }
        if (!documentSide) {
            term.setLength(ArabicForms.queryForm(buffer, length));
            return true;
        }
        char[] packed = seen.get(buffer, 0, length);
        if (packed == null) {
            arabicForms.documentForms(buffer, length, forms);
            packed = pack(forms);
            if (seen.size() >= owner.formsCacheSize()) {
                seen.clear();
            }
            seen.put(Arrays.copyOf(buffer, length), packed);
        }
        pending = packed;
        pendingLeft = packed[0];
        pendingAt = 1;
        emitPending();
        return true;
    }

    private void emitPending() {
        int length = pending[pendingAt];
        term.copyBuffer(pending, pendingAt + 1, length);
        pendingAt += length + 1;
        pendingLeft--;
    }

    private static char[] pack(ArabicForms.Forms forms) {
        int size = 1;
        for (int i = 0; i < forms.size(); i++) {
            size += 1 + forms.length(i);
        }
        char[] packed = new char[size];
        packed[0] = (char) forms.size();
        int at = 1;
        for (int i = 0; i < forms.size(); i++) {
            packed[at++] = (char) forms.length(i);
            System.arraycopy(forms.chars(), forms.start(i), packed, at, forms.length(i));
            at += forms.length(i);
        }
        return packed;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingLeft = 0;
        int generation = owner.cacheGeneration();
        if (generation != seenGeneration) {
            seen.clear();
            seenGeneration = generation;
        }
    }
}
