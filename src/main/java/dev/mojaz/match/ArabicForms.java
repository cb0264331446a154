package dev.mojaz.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Which written forms of an Arabic word keyword matching treats as that word. This is the heart of matching, so
 * the rules are spelled out here rather than left to a general-purpose stemmer.
 *
 * <p>Matching is asymmetric. A query word is matched by one form, {@link #queryForm}: the word as typed, folded
 * (see below) but with nothing stripped, so {@code لبنان} stays {@code لبنان} and {@code طالبان} does not become
 * {@code طالب}. A document word produces every form it could be a spelling of, {@link #documentForms}: itself, and
 * itself with proclitics and suffixes removed. A query word matches a document word when the query form is one of
 * the document forms. Stripping only ever happens on the document side, where a wrong guess costs nothing unless
 * someone asked for exactly the wrongly stripped word; guessing on the query side would silently widen what people
 * asked for.
 *
 * <p>Input is a token of normalised text (see {@link MatchTokenizer}): hamza forms, diacritics, tatweel and
 * digits already folded, but <em>ة and ى kept apart from ه and ي</em>: a final ة is part of the word (النصرة,
 * قاعدة, عملة) while a final ه may be the pronoun "his" (جيشه), and a final ى is never the ي of a relative
 * adjective (ليلى is not ليل + ي). Every form is folded before use:
 * <ul>
 *   <li>ـية / ـيه and ـيا at the end of a word of five letters or more become ـي, so سوريا, سورية, سوري and
 *       السورية meet (the country and its adjective are written alike in Arabic). Shorter words keep their ending:
 *       عليه and عليا must not become علي.</li>
 *   <li>ة becomes ه and ى becomes ي, as everywhere else in Mojaz's normalised text.</li>
 * </ul>
 *
 * <p>Document forms, for a token of normalised letters:
 * <ol>
 *   <li>Proclitics: an optional conjunction (و ف), an optional preposition (ب ك ل) and an optional article (ال),
 *       with ل + ال written لل (and ل + ال + ل… written لل…, as in للاذقية). What is left must have at least three
 *       letters: two-letter remainders are too often a different word (ولد is not و + لد).</li>
 *   <li>After an article, the form with the article is produced as well (بالجزيرة gives جزيرة and الجزيرة), so a
 *       query that includes the article (الجزيرة) stays more precise than one without it.</li>
 *   <li>Suffixes on what is left: attached pronouns ها هم هما هن كم نا and a real ه (never after an article, and
 *       never ة); then the plural and dual endings ات ون ين ان. A ت left at the end by either is also read as the
 *       ة it was (حكومتها and حكومتين give حكومة; قوات gives قوة). The plural and dual endings leave at least four
 *       letters (سوريين gives سوري; but لبنان does not give لبن, البحرين does not give البحر), unless the ending
 *       revealed a ة.</li>
 *   <li>Relative adjectives (nisba): a form ending in ي with at least four letters also gives the form without
 *       it and with ا instead: المصرية gives مصر, الأوروبي gives أوروبا, العراقيين gives العراق. So a query for a
 *       country finds its adjective; a query for the adjective does not find the bare country.</li>
 *   <li>Broken plurals: a form that is a singular or a broken plural in {@link BrokenPlurals} also gives the other
 *       (الأحزاب gives حزب, حزب gives أحزاب), without an article form: a listed pair, never a pattern.</li>
 * </ol>
 * Words that do not start with an Arabic letter (Latin, digits) have only their literal form here; English is
 * stemmed separately.
 *
 * <p>Instances hold scratch buffers and are not thread-safe; the static methods are.
 */
final class ArabicForms {
    static final char TA_MARBUTA = '\u0629';
    static final char ALEF_MAKSURA = '\u0649';
    static final char HEH = '\u0647';
    static final char YEH = '\u064A';
    static final char ALEF = '\u0627';
    static final char TEH = '\u062A';
    private static final char LAM = '\u0644';

    /** Shortest form that stripping may produce; the literal word is always kept whatever its length. */
    static final int MIN_STRIPPED = 3;
    /** Shortest form left by a plural or dual ending (ون ين ان) that does not reveal a ة. */
    static final int MIN_BEFORE_NUMBER_SUFFIX = 4;
    /** Shortest word whose ـية / ـيا ending is folded to ـي. */
    static final int MIN_FOLDED_NISBA = 5;
    /** Shortest form whose final ي is read as a relative-adjective ending. */
    static final int MIN_NISBA = 4;

    private static final char[] ARTICLE = {ALEF, LAM};
    private static final char[][] PRONOUNS = chars("هما", "هم", "هن", "ها", "كم", "نا", "ه");
    private static final char[][] DUAL_PLURAL = chars("ون", "ين", "ان");
    private static final char[] FEMININE_PLURAL = chars("ات")[0];
    private static final Prefix[] PREFIXES = prefixes();

    /** A proclitic sequence and what it tells us. */
    private record Prefix(char[] chars, boolean article, boolean lamLam) {
    }

    /** The forms of one word, literal first, without duplicates. Reused from word to word. */
    static final class Forms {
        private char[] chars = new char[128];
        private int[] start = new int[24];
        private int[] length = new int[24];
        private int size;
        private int used;

        void clear() {
            size = 0;
            used = 0;
        }

        int size() {
            return size;
        }

        char[] chars() {
            return chars;
        }

        int start(int i) {
            return start[i];
        }

        int length(int i) {
            return length[i];
        }

        String get(int i) {
            return new String(chars, start[i], length[i]);
        }

        List<String> toList() {
            List<String> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(get(i));
            }
            return list;
        }

        void add(char[] buffer, int offset, int len) {
            for (int i = 0; i < size; i++) {
                if (length[i] == len && equal(chars, start[i], buffer, offset, len)) {
                    return;
                }
            }
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                length = java.util.Arrays.copyOf(length, size * 2);
            }
            if (used + len > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
            }
            System.arraycopy(buffer, offset, chars, used, len);
            start[size] = used;
            length[size] = len;
            size++;
            used += len;
        }
    }

    // Scratch buffers, one per purpose so that nested steps never overwrite each other's input. Words are short,
    // so they grow rarely.
    private char[] lamStem = new char[64];
    private char[] taMarbutaStem = new char[64];
    private char[] nisba = new char[64];
    private char[] emitted = new char[64];
    private BrokenPlurals plurals;

    /**
     * The form a query word is matched by: folded, nothing stripped. Works in place.
     *
     * @return the new length
     */
    static int queryForm(char[] word, int length) {
        return fold(word, length);
    }

    /** Convenience for tests and explanations: the query form of one normalised word. */
    static String queryForm(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, queryForm(chars, chars.length));
    }

    /** Convenience for tests and explanations: the document forms of one normalised word. */
    static List<String> documentForms(String word) {
        Forms forms = new Forms();
        new ArabicForms().documentForms(word.toCharArray(), word.length(), forms);
        return forms.toList();
    }

    /** Every form of the document word {@code word[0, length)}, into {@code out} (cleared first). */
    void documentForms(char[] word, int length, Forms out) {
        out.clear();
        emit(word, 0, length, false, out);
        if (length == 0 || !isArabicLetter(word[0])) {
            return;
        }
        stemForms(word, 0, length, false, true, out);
        for (Prefix prefix : PREFIXES) {
            char[] p = prefix.chars;
            if (length <= p.length || !startsWith(word, length, p)) {
                continue;
            }
            int rest = length - p.length;
            if (rest >= MIN_STRIPPED) {
                stemForms(word, p.length, rest, prefix.article, false, out);
            }
            if (prefix.lamLam && rest + 1 >= MIN_STRIPPED) {
                // ل + ال + a word that starts with ل loses one lam in writing: للاذقية is ل + اللاذقية.
                char[] restored = ensure(lamStem, rest + 1);
                lamStem = restored;
                restored[0] = LAM;
                System.arraycopy(word, p.length, restored, 1, rest);
                stemForms(restored, 0, rest + 1, true, false, out);
            }
        }
    }

    /**
     * The forms of what is left after the proclitics: itself, and itself without suffixes. {@code literal} is the
     * whole word with no proclitic removed.
     */
    private void stemForms(char[] s, int off, int len, boolean article, boolean literal, Forms out) {
        if (literal && len > ARTICLE.length + MIN_STRIPPED - 1 && startsWith(s, off, len, ARTICLE)) {
            // A word starting with ال is analysed through the article prefix, where the lengths are counted
            // without it: otherwise البحرين would lose ين and leave البحر.
            return;
        }
        core(s, off, len, article, out);
        if (!article) {
            for (char[] pronoun : PRONOUNS) {
                int base = len - pronoun.length;
                if (base >= MIN_STRIPPED && endsWith(s, off, len, pronoun)) {
                    core(s, off, base, false, out);
                    if (s[off + base - 1] == TEH) {
                        coreWithTaMarbuta(s, off, base - 1, false, out);
                    }
                    numberForms(s, off, base, false, out);
                }
            }
        }
        numberForms(s, off, len, article, out);
    }

    /** Plural and dual endings. */
    private void numberForms(char[] s, int off, int len, boolean article, Forms out) {
        int rest = len - 2;
        if (endsWith(s, off, len, FEMININE_PLURAL)) {
            if (rest >= MIN_STRIPPED - 1) {
                coreWithTaMarbuta(s, off, rest, article, out);
            }
            if (rest >= MIN_STRIPPED) {
                core(s, off, rest, article, out);
            }
            return;
        }
        for (char[] ending : DUAL_PLURAL) {
            if (endsWith(s, off, len, ending)) {
                if (rest >= MIN_STRIPPED && s[off + rest - 1] == TEH) {
                    coreWithTaMarbuta(s, off, rest - 1, article, out);
                }
                if (rest >= MIN_BEFORE_NUMBER_SUFFIX) {
                    core(s, off, rest, article, out);
                }
                return;
            }
        }
    }

    private void coreWithTaMarbuta(char[] s, int off, int len, boolean article, Forms out) {
        char[] buffer = ensure(taMarbutaStem, len + 1);
        taMarbutaStem = buffer;
        System.arraycopy(s, off, buffer, 0, len);
        buffer[len] = TA_MARBUTA;
        core(buffer, 0, len + 1, article, out);
    }

    /** Emits a stripped form (with its article form), its broken plural or singular and its relative-adjective forms. */
    private void core(char[] s, int off, int len, boolean article, Forms out) {
        emit(s, off, len, article, out);
        char[] folded = ensure(nisba, len + 1);
        nisba = folded;
        System.arraycopy(s, off, folded, 0, len);
        int foldedLength = fold(folded, len);
        if (plurals == null) {
            plurals = BrokenPlurals.standard(); // not in the constructor: loading the list analyses query words
        }
        char[][] linked = plurals.linked(folded, 0, foldedLength);
        if (linked != null) {
            for (char[] word : linked) {
                out.add(word, 0, word.length);
            }
        }
        if (foldedLength >= MIN_NISBA && folded[foldedLength - 1] == YEH && s[off + len - 1] != ALEF_MAKSURA) {
            int noun = foldedLength - 1;
            emit(folded, 0, noun, article, out);
            folded[noun] = ALEF;
            out.add(folded, 0, noun + 1);
        }
    }

    /** Adds fold(form) and, after an article, fold(ال + form). */
    private void emit(char[] s, int off, int len, boolean article, Forms out) {
        char[] buffer = ensure(emitted, len + ARTICLE.length);
        emitted = buffer;
        System.arraycopy(s, off, buffer, 0, len);
        out.add(buffer, 0, fold(buffer, len));
        if (article) {
            System.arraycopy(ARTICLE, 0, buffer, 0, ARTICLE.length);
            System.arraycopy(s, off, buffer, ARTICLE.length, len);
            out.add(buffer, 0, fold(buffer, len + ARTICLE.length));
        }
    }

    /** The folding every form goes through (see the class comment). Works in place; returns the new length. */
    static int fold(char[] s, int len) {
        if (len >= MIN_FOLDED_NISBA && s[len - 2] == YEH
                && (s[len - 1] == TA_MARBUTA || s[len - 1] == HEH || s[len - 1] == ALEF)) {
            len--;
        }
        for (int i = 0; i < len; i++) {
            if (s[i] == TA_MARBUTA) {
                s[i] = HEH;
            } else if (s[i] == ALEF_MAKSURA) {
                s[i] = YEH;
            }
        }
        return len;
    }

    static boolean isArabicLetter(char c) {
        return c >= '\u0620' && c <= '\u064A' || c >= '\u066E' && c <= '\u06D3' || c >= '\u06FA' && c <= '\u06FF';
    }

    private static char[] ensure(char[] buffer, int length) {
        return buffer.length >= length ? buffer : new char[Math.max(length, buffer.length * 2)];
    }

    private static boolean startsWith(char[] s, int len, char[] prefix) {
        return startsWith(s, 0, len, prefix);
    }

    private static boolean startsWith(char[] s, int off, int len, char[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        return equal(s, off, prefix, 0, prefix.length);
    }

    private static boolean endsWith(char[] s, int off, int len, char[] suffix) {
        if (len < suffix.length) {
            return false;
        }
        return equal(s, off + len - suffix.length, suffix, 0, suffix.length);
    }

    private static boolean equal(char[] a, int aOff, char[] b, int bOff, int len) {
        for (int i = 0; i < len; i++) {
            if (a[aOff + i] != b[bOff + i]) {
                return false;
            }
        }
        return true;
    }

    private static char[][] chars(String... strings) {
        char[][] result = new char[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            result[i] = strings[i].toCharArray();
        }
        return result;
    }

    /** Every proclitic sequence: (و|ف)? (ب|ك|ل)? (ال)?, with ل + ال written لل. */
    private static Prefix[] prefixes() {
        List<Prefix> list = new ArrayList<>();
        for (String conjunction : new String[] {"", "و", "ف"}) {
            for (String preposition : new String[] {"", "ب", "ك", "ل"}) {
                for (boolean article : new boolean[] {false, true}) {
                    boolean lamLam = article && preposition.equals("ل");
                    String text = conjunction + (lamLam ? "لل" : preposition + (article ? "ال" : ""));
                    if (!text.isEmpty()) {
                        list.add(new Prefix(text.toCharArray(), article, lamLam));
                    }
                }
            }
        }
        return list.toArray(Prefix[]::new);
    }
}
