package dev.mojaz.match;

import dev.mojaz.text.ArabicNormalizer;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Splits normalised text into words: maximal runs of letters and digits. Everything else (spaces, punctuation,
 * quotes « » “ ”, hyphens as in موسكو-سانا) separates words; an English possessive ('s) is dropped.
 *
 * <p>The whole input is read and normalised with {@link ArabicNormalizer} first (hamza forms, ى, diacritics,
 * tatweel, digits, case), except that ة and ى are kept apart from ه and ي for {@link ArabicForms}, which folds
 * them itself once it has used the difference; invisible formatting
 * characters (zero-width joiners, bidi marks, soft hyphens) are dropped so that they never split a word.
 *
 * <p>Arabic words are marked as keywords so that the English stemmer that follows leaves them alone.
 */
final class MatchTokenizer extends Tokenizer {
    /** Stand in for ة and ى while {@link ArabicNormalizer} runs, which would fold them to ه and ي. */
    private static final char TA_MARBUTA_STAND_IN = '\uE000';
    private static final char ALEF_MAKSURA_STAND_IN = '\uE001';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final StringBuilder raw = new StringBuilder();
    private final char[] readBuffer = new char[4096];
    private char[] text = new char[0];
    private int length;
    private int position;

    @Override
    public void reset() throws IOException {
        super.reset();
        raw.setLength(0);
        for (int n = input.read(readBuffer); n != -1; n = input.read(readBuffer)) {
            raw.append(readBuffer, 0, n);
        }
        prepare();
        position = 0;
    }

    private void prepare() {
        int kept = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            raw.setCharAt(kept++, c == ArabicForms.TA_MARBUTA ? TA_MARBUTA_STAND_IN
                    : c == ArabicForms.ALEF_MAKSURA ? ALEF_MAKSURA_STAND_IN : c);
        }
        raw.setLength(kept);
        String normalized = ArabicNormalizer.normalize(raw);
        length = normalized.length();
        if (text.length < length) {
            text = new char[Math.max(length, text.length * 2)];
        }
        normalized.getChars(0, length, text, 0);
        for (int i = 0; i < length; i++) {
            if (text[i] == TA_MARBUTA_STAND_IN) {
                text[i] = ArabicForms.TA_MARBUTA;
            } else if (text[i] == ALEF_MAKSURA_STAND_IN) {
                text[i] = ArabicForms.ALEF_MAKSURA;
            }
        }
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (position < length && !isWordChar(text[position])) {
            position++;
        }
        if (position >= length) {
            return false;
        }
        int start = position;
        while (position < length && isWordChar(text[position])) {
            position++;
        }
        int end = position;
        if (isAsciiLetter(text[end - 1]) && end + 1 < length && (text[end] == '\'' || text[end] == '\u2019')
                && text[end + 1] == 's' && (end + 2 == length || !isWordChar(text[end + 2]))) {
            position = end + 2;
        }
        term.copyBuffer(text, start, end - start);
        keyword.setKeyword(ArabicForms.isArabicLetter(text[start]));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        position = length;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Formatting characters that may sit inside a word without meaning anything for matching. */
    static boolean isInvisible(char c) {
        return c == '\u00AD' || c >= '\u200B' && c <= '\u200F' || c == '\u061C' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF';
    }
}
