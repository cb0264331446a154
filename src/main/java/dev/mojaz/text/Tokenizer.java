package dev.mojaz.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the words of a text: runs of letters (any script, with the Arabic marks and tatweel inside them) and numbers
 * (ASCII, Arabic-Indic and Eastern Arabic-Indic digits, with a decimal or thousands separator between digits, so
 * {@code 2.5}, {@code 1,000} and {@code ٢٫٥} stay one token). Everything else (spaces, punctuation, hyphens, quotes)
 * separates words.
 *
 * <p>Tokens are reported as offsets into the text, never copied, so the caller decides what to allocate.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** What a token is made of. */
    public enum Kind {
        /** Contains an Arabic letter. */
        ARABIC,
        /** Contains letters, none of them Arabic (Latin and other scripts). */
        OTHER_LETTERS,
        /** Digits only (with separators between them). */
        NUMBER
    }

    /** A token as offsets into the text it came from. */
    public record Token(int start, int end, Kind kind) {
        public String text(CharSequence source) {
            return source.subSequence(start, end).toString();
        }
    }

    /** Receives tokens in order. */
    @FunctionalInterface
    public interface Sink {
        void token(int start, int end, Kind kind);
    }

    /** Every token of {@code text}. */
    public static List<Token> tokens(CharSequence text) {
        List<Token> tokens = new ArrayList<>();
        forEach(text, 0, text.length(), (start, end, kind) -> tokens.add(new Token(start, end, kind)));
        return tokens;
    }

    /**
     * Words in a span: all of them (tokens with a letter or a digit) and those with a letter (what a person would
     * call words; numbers left out).
     */
    public record Counts(int words, int letterWords) {
    }

    /** Both counts in one pass. */
    public static Counts count(CharSequence text, int start, int end) {
        int[] count = {0, 0};
        forEach(text, start, end, (s, e, kind) -> {
            count[0]++;
            if (kind != Kind.NUMBER) {
                count[1]++;
            }
        });
        return new Counts(count[0], count[1]);
    }

    /** The number of words (tokens with at least one letter or digit) between {@code start} and {@code end}. */
    public static int countWords(CharSequence text, int start, int end) {
        int[] count = {0};
        forEach(text, start, end, (s, e, kind) -> count[0]++);
        return count[0];
    }

    /** The number of tokens with at least one letter: what a person would call words, numbers left out. */
    public static int countLetterWords(CharSequence text, int start, int end) {
        int[] count = {0};
        forEach(text, start, end, (s, e, kind) -> {
            if (kind != Kind.NUMBER) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Reports each token between {@code from} and {@code to}, in order. */
    public static void forEach(CharSequence text, int from, int to, Sink sink) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            boolean arabic = false;
            while (i < to) {
                c = text.charAt(i);
                if (isWordChar(c)) {
                    if (c >= '\u0621' && c <= '\u064A') {
                        letters = true;
                        arabic = true;
                    } else if (Character.isLetter(c)) {
                        letters = true;
                        arabic |= isArabic(c);
                    }
                    i++;
                } else if (isNumberSeparator(c) && i + 1 < to && i > start && isDigit(text.charAt(i - 1))
                        && isDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            int end = i;
            // A token of marks alone (a stray diacritic between spaces) is not a word.
            if (letters || hasDigit(text, start, end)) {
                sink.token(start, end, arabic ? Kind.ARABIC : letters ? Kind.OTHER_LETTERS : Kind.NUMBER);
            }
        }
    }

    /** Letters, digits, and the marks that sit on letters (Arabic harakat, combining accents). */
    public static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (c >= '\u0621' && c <= '\u0669') {
            // Arabic letters, tatweel, harakat and Arabic-Indic digits (all of U+0621–U+0669), without a table lookup.
            return true;
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.FORMAT && c != '\uFEFF' && c != '\u200B';
    }

    /** Whether {@code c} is in one of the Arabic blocks (letters, marks, presentation forms). */
    public static boolean isArabic(char c) {
        return (c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08FF')
                || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF');
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9');
    }

    /** Decimal point, comma, Arabic decimal and thousands separators: part of a number when between digits. */
    private static boolean isNumberSeparator(char c) {
        return c == '.' || c == ',' || c == '\u066B' || c == '\u066C';
    }

    private static boolean hasDigit(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
