package dev.mojaz.text;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an Arabic (or mixed) news text into sentences, and labels what is not a sentence.
 *
 * <p>The rules:
 * <ul>
 *   <li>{@code . ! ? ؟ ۔} and paragraph breaks end sentences; {@code ،} and {@code ؛} do not;</li>
 *   <li>a full stop between digits (2.5), after a single letter (د. for doctor) or with no space after it in Latin
 *       text (sana.sy) does not end a sentence; diacritics are part of a word ("مجلّد." is not an initial), and م or
 *       هـ right after a number is the era ("عام 1988م."), whose full stop ends the sentence;</li>
 *   <li>nothing inside a quotation ({@code « »}, {@code “ ”}, {@code " "}) ends a sentence, except at the quotation's
 *       own end; quotation marks count only when they pair up within the paragraph, so one stray mark does not swallow
 *       the rest of the article;</li>
 *   <li>datelines ("موسكو-سانا", "القاهرة (رويترز) -"), headings (short paragraphs with no final punctuation),
 *       bylines, links and phone numbers are returned with their own {@link Sentence.Role}, never as body
 *       sentences;</li>
 *   <li>hard-wrapped text (lines broken mid-sentence at a fixed width) is joined back before splitting.</li>
 * </ul>
 * Lines the {@link BoilerplateFilter} drops are left out entirely. Offsets always point into the original text, so a
 * sentence is shown exactly as written. Work is linear in the length of the text. Immutable and thread-safe.
 */
public final class SentenceSplitter {
    /** A body sentence has at least this many words with letters (numbers, links and phone numbers do not count). */
    public static final int MIN_BODY_WORDS = 5;
    /** A paragraph with no final punctuation and at most this many words is a heading, not a sentence. */
    public static final int MAX_HEADING_WORDS = 20;
    /** A standalone dateline has at most this many words. */
    private static final int MAX_DATELINE_WORDS = 5;
    private static final int MAX_BYLINE_WORDS = 10;

    /** "موسكو-سانا", "دير الزور-أستانا-سانا" at the start of a paragraph, followed by the first sentence. */
    private static final Pattern INLINE_DATELINE = Pattern.compile(
            "^(?:[\\p{L}\\p{M}]+ )?[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+){1,3}(?=\\s)"
                    + "|^[\\p{L}\\p{M} ]{2,30}\\(\\s*[\\p{L}\\p{M} .]{2,25}\\)\\s*[-–—:]"
                    + "|^[\\p{L}\\p{M}]+(?: [\\p{L}\\p{M}]+)?\\s*[-–—]\\s*(?:سانا|واس|وام|قنا|كونا|بترا|رويترز|أ ف ب|ا ف ب|د ب أ"
                    + "|الأناضول|شينخوا|سبوتنيك|reuters|afp|ap)\\s*[:\\-–—]?(?=\\s)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A paragraph that is only a dateline: a few words joined by dashes, or a place and an agency in brackets. */
    private static final Pattern DATELINE_LINE = Pattern.compile(
            "^[\\p{L}\\p{M}]+(?: [\\p{L}\\p{M}]+)?(?:\\s*[-–—/]\\s*[\\p{L}\\p{M}]+(?: [\\p{L}\\p{M}]+)?){1,3}\\s*[:\\-–—]?$"
                    + "|^[\\p{L}\\p{M} ]{2,30}\\(\\s*[\\p{L}\\p{M} .]{2,25}\\)\\s*[:\\-–—]?$");
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:بقلم|by|written by|reporting by)\\b"
                    + "|^(?:كتب|كتبت|كتبه|إعداد|اعداد|تحرير|تقرير|مراسل|مراسلة|المحرر)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\w+",
            Pattern.CASE_INSENSITIVE);
    /** Latin abbreviations whose full stop does not end a sentence. */
    private static final List<String> ABBREVIATIONS = List.of("mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "no",
            "inc", "ltd", "co", "jr", "sr", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jan", "feb", "aug", "sept",
            "oct", "nov", "dec", "fig", "vol", "approx");

    private final BoilerplateFilter boilerplate;

    public SentenceSplitter(BoilerplateFilter boilerplate) {
        this.boilerplate = Objects.requireNonNull(boilerplate, "boilerplate");
    }

    /** Every piece of {@code text} that survives the boilerplate rules, in order, each with its role. */
    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        for (int[] span : paragraphs(text)) {
            if (splitParagraph(text, span[0], span[1], paragraph, out)) {
                paragraph++;
            }
        }
        return out;
    }

    /** Only the body sentences of {@code text}. */
    public List<Sentence> bodySentences(String text) {
        return split(text).stream().filter(Sentence::isBody).toList();
    }

    // ---- lines, boilerplate, paragraphs ---------------------------------------------------------------------------

    /** Paragraph spans (trimmed): kept lines, hard-wrapped runs joined, boilerplate and trailer gone. */
    private List<int[]> paragraphs(String text) {
        List<int[]> lines = keptLines(text);
        List<int[]> paragraphs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i) == null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) != null) {
                j++;
            }
            List<int[]> block = lines.subList(i, j + 1);
            if (isHardWrapped(text, block)) {
                int start = block.get(0)[0];
                for (int k = 0; k < block.size(); k++) {
                    int[] line = block.get(k);
                    if (k == block.size() - 1 || endsWithTerminal(text, line[0], line[1])) {
                        paragraphs.add(new int[] {start, line[1]});
                        if (k + 1 < block.size()) {
                            start = block.get(k + 1)[0];
                        }
                    }
                }
            } else {
                paragraphs.addAll(block);
            }
            i = j + 1;
        }
        return paragraphs;
    }

    /** Trimmed line spans; null stands for a paragraph break (a blank or dropped line). Stops at a trailer. */
    private List<int[]> keptLines(String text) {
        List<int[]> lines = new ArrayList<>();
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = lineStart;
            while (lineEnd < length && !isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            int start = lineStart;
            int end = lineEnd;
            while (start < end && isSpace(text.charAt(start))) {
                start++;
            }
            while (end > start && isSpace(text.charAt(end - 1))) {
                end--;
            }
            if (start == end) {
                lines.add(null);
            } else if (!BoilerplateFilter.mayBeBoilerplate(end - start)) {
                lines.add(new int[] {start, end}); // too long to be boilerplate: skip the rules
            } else {
                String line = text.substring(start, end);
                if (boilerplate.startsTrailer(line)) {
                    break;
                }
                lines.add(boilerplate.isBoilerplate(line) ? null : new int[] {start, end});
            }
            if (lineEnd >= length) {
                break;
            }
            lineStart = lineEnd + (text.charAt(lineEnd) == '\r' && lineEnd + 1 < length
                    && text.charAt(lineEnd + 1) == '\n' ? 2 : 1);
        }
        return lines;
    }

    /**
     * Whether a block of consecutive lines is text broken at a fixed width: at least three lines, a good share of
     * them running on without final punctuation, and those of moderate, similar length (the width of the wrap; the
     * last line of each paragraph is shorter and ends with punctuation). A title over a dateline over a body
     * paragraph is not (few lines, different lengths); a news page with one paragraph a line is not (they end in
     * full stops and are long).
     */
    private static boolean isHardWrapped(String text, List<int[]> block) {
        if (block.size() < 3) {
            return false;
        }
        int[] open = new int[block.size() - 1];
        int count = 0;
        for (int k = 0; k < block.size() - 1; k++) {
            int[] line = block.get(k);
            if (!endsWithTerminal(text, line[0], line[1]) && text.charAt(line[1] - 1) != ':') {
                open[count++] = line[1] - line[0];
            }
        }
        if (count < 2 || count * 5 < open.length * 2) {
            return false;
        }
        int[] sorted = Arrays.copyOf(open, count);
        Arrays.sort(sorted);
        int median = sorted[count / 2];
        if (median < 30 || median > 120) {
            return false;
        }
        int similar = 0;
        for (int length : sorted) {
            if (length * 10 >= median * 6 && length * 10 <= median * 16) {
                similar++;
            }
        }
        return similar * 4 >= count * 3;
    }

    // ---- one paragraph ----------------------------------------------------------------------------------------------

    /** Adds the pieces of one paragraph; returns false when nothing was added. */
    private boolean splitParagraph(String text, int start, int end, int paragraph, List<Sentence> out) {
        int words = Tokenizer.countWords(text, start, end);
        if (words == 0) {
            return false;
        }
        boolean terminal = endsWithTerminal(text, start, end);
        CharSequence content = CharBuffer.wrap(text, start, end);
        if (!terminal && words <= MAX_DATELINE_WORDS && DATELINE_LINE.matcher(content).lookingAt()) {
            out.add(piece(text, start, end, paragraph, Sentence.Role.DATELINE, words));
            return true;
        }
        if (words <= MAX_BYLINE_WORDS && BYLINE.matcher(content).lookingAt()) {
            out.add(piece(text, start, end, paragraph, Sentence.Role.BYLINE, words));
            return true;
        }
        if (!terminal && words <= MAX_HEADING_WORDS) {
            boolean fragment = text.charAt(end - 1) == ':' || hasLink(text, start, end);
            Sentence.Role role = fragment ? Sentence.Role.FRAGMENT : Sentence.Role.HEADING;
            out.add(piece(text, start, end, paragraph, role, words));
            return true;
        }
        Matcher dateline = INLINE_DATELINE.matcher(content);
        if (dateline.lookingAt()) {
            int datelineEnd = start + dateline.end();
            out.add(piece(text, start, datelineEnd, paragraph, Sentence.Role.DATELINE,
                    Tokenizer.countWords(text, start, datelineEnd)));
            start = skipSpaces(text, datelineEnd, end);
        }
        int[] quotes = quotedRanges(text, start, end);
        int sentenceStart = start;
        int i = start;
        while (i < end) {
            int boundary = boundaryAfter(text, i, start, end, quotes);
            if (boundary > 0) {
                addSentence(text, sentenceStart, boundary, paragraph, out);
                sentenceStart = skipSpaces(text, boundary, end);
                i = Math.max(boundary, i + 1);
            } else {
                i++;
            }
        }
        if (sentenceStart < end) {
            addSentence(text, sentenceStart, end, paragraph, out);
        }
        return true;
    }

    /**
     * If a sentence ends with the character at {@code i}, the offset just past its final punctuation and closing
     * quotes or brackets; otherwise -1.
     */
    private static int boundaryAfter(String text, int i, int paragraphStart, int end, int[] quotes) {
        char c = text.charAt(i);
        if (!isTerminal(c)) {
            return -1;
        }
        int j = i + 1;
        while (j < end && isTerminal(text.charAt(j))) {
            j++;
        }
        int afterTerminals = j;
        while (j < end && isCloser(text.charAt(j))) {
            j++;
        }
        if (j < end && !isSpace(text.charAt(j))) {
            // No space after: "2.5", "sana.sy", "«…».»"; only an Arabic letter straight after Arabic text is a
            // sentence end with the space left out ("…التاسعة.فجاءت").
            boolean arabicBothSides = i > paragraphStart && Tokenizer.isArabic(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i - 1)) && Tokenizer.isArabic(text.charAt(j))
                    && Character.isLetter(text.charAt(j));
            if (!arabicBothSides || j != afterTerminals) {
                return -1;
            }
        }
        if (insideQuote(quotes, i, afterTerminals)) {
            return -1;
        }
        if (c == '.' && j - i == 1 && isAbbreviation(text, paragraphStart, i)) {
            return -1;
        }
        return j;
    }

    private static void addSentence(String text, int start, int end, int paragraph, List<Sentence> out) {
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        start = skipBullet(text, start, end);
        if (start >= end) {
            return;
        }
        Tokenizer.Counts counts = Tokenizer.count(text, start, end);
        int words = counts.words();
        if (words == 0) {
            return;
        }
        boolean fragment = text.charAt(end - 1) == ':'
                || letterWordsOutsideLinks(text, start, end, counts.letterWords()) < MIN_BODY_WORDS;
        out.add(piece(text, start, end, paragraph, fragment ? Sentence.Role.FRAGMENT : Sentence.Role.BODY, words));
    }

    private static Sentence piece(String text, int start, int end, int paragraph, Sentence.Role role, int words) {
        return new Sentence(start, end, paragraph, role, display(text, start, end), words);
    }

    /** The original text, with a line break inside (hard-wrapped text) shown as one space. */
    static String display(String text, int start, int end) {
        String raw = text.substring(start, end);
        for (int i = 0; i < raw.length(); i++) {
            if (isLineBreak(raw.charAt(i))) {
                return raw.replaceAll("[\\s\\u00A0]*[\\n\\r\\u2028\\u2029\\u0085]+[\\s\\u00A0]*", " ");
            }
        }
        return raw;
    }

    private static int letterWordsOutsideLinks(String text, int start, int end, int letterWords) {
        int words = letterWords;
        if (words < MIN_BODY_WORDS) {
            return words;
        }
        if (!mayHaveLink(text, start, end)) {
            return words;
        }
        Matcher link = LINK.matcher(text).region(start, end);
        while (link.find()) {
            words -= Tokenizer.countLetterWords(text, link.start(), link.end());
        }
        return words;
    }

    private static boolean hasLink(String text, int start, int end) {
        return mayHaveLink(text, start, end) && LINK.matcher(text).region(start, end).find();
    }

    /** A cheap test before the link pattern: a link has "://", "www." or "@". */
    private static boolean mayHaveLink(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '@' || (c == '/' && i + 1 < end && text.charAt(i + 1) == '/')
                    || ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4))) {
                return true;
            }
        }
        return false;
    }

    // ---- quotes ------------------------------------------------------------------------------------------------------

    /**
     * The spans inside paired quotation marks, as {@code [open0, close0, open1, close1, …]}, outermost only. Curly
     * and guillemet quotes pair by nesting; straight double quotes pair in order. An unpaired mark protects nothing.
     */
    static int[] quotedRanges(String text, int start, int end) {
        int[] stack = new int[8];
        int depth = 0;
        int straight = -1;
        int[] ranges = new int[8];
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int open = -1;
            if (c == '«' || c == '“' || c == '„' || c == '‹') {
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = i;
            } else if ((c == '»' || c == '”' || c == '›') && depth > 0) {
                open = stack[--depth];
            } else if (c == '"') {
                if (straight < 0) {
                    straight = i;
                } else {
                    open = straight;
                    straight = -1;
                }
            }
            if (open >= 0) {
                if (count + 2 > ranges.length) {
                    ranges = Arrays.copyOf(ranges, ranges.length * 2);
                }
                ranges[count++] = open;
                ranges[count++] = i;
            }
        }
        return Arrays.copyOf(ranges, count);
    }

    /**
     * Whether the final punctuation at {@code i} is inside a quotation that goes on after it. Punctuation right
     * before the closing mark ends the quotation, and the sentence with it.
     */
    private static boolean insideQuote(int[] ranges, int i, int afterTerminals) {
        for (int k = 0; k < ranges.length; k += 2) {
            if (ranges[k] < i && i < ranges[k + 1] && afterTerminals < ranges[k + 1]) {
                return true;
            }
        }
        return false;
    }

    // ---- characters --------------------------------------------------------------------------------------------------

    private static boolean isAbbreviation(String text, int paragraphStart, int dot) {
        // The word before the full stop; diacritics are part of it: "مجلّد." and "عمومًا." are words, not initials.
        int wordStart = dot;
        int length = 0;
        while (wordStart > paragraphStart && (Character.isLetter(text.charAt(wordStart - 1))
                || ArabicNormalizer.isMark(text.charAt(wordStart - 1)))) {
            wordStart--;
            if (Character.isLetter(text.charAt(wordStart))) {
                length++;
            }
        }
        if (length == 1) {
            // "1988م." and "1500 م.": after a number, م and ه are the era (or metres), and the sentence ends there.
            if (isEraMark(text.charAt(wordStart)) && followsNumber(text, paragraphStart, wordStart)) {
                return false;
            }
            return true; // an initial: "د. أحمد", "J. Smith", "U.S."
        }
        if (length == 0 || !isLatin(text.charAt(wordStart))) {
            return false;
        }
        return ABBREVIATIONS.contains(text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT));
    }

    /** م (ميلادي, or metres) and ه / هـ (هجري) written after a year. */
    private static boolean isEraMark(char c) {
        return c == 'م' || c == 'ه';
    }

    /** Whether a number ends right before {@code i}, with at most one space between. */
    private static boolean followsNumber(String text, int paragraphStart, int i) {
        int k = i - 1;
        if (k >= paragraphStart && text.charAt(k) == ' ') {
            k--;
        }
        return k >= paragraphStart && Character.isDigit(text.charAt(k));
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    static boolean endsWithTerminal(String text, int start, int end) {
        int i = end - 1;
        while (i >= start && (isCloser(text.charAt(i)) || isSpace(text.charAt(i)))) {
            i--;
        }
        return i >= start && isTerminal(text.charAt(i));
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '؟' || c == '۔' || c == '‼' || c == '⁉' || c == '⁈';
    }

    private static boolean isCloser(char c) {
        return c == '»' || c == '”' || c == '"' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '›';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u200E' || c == '\u200F';
    }

    private static int skipSpaces(String text, int i, int end) {
        while (i < end && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Past a list bullet ("- ", "• ", "* ") at the start of a sentence. */
    private static int skipBullet(String text, int start, int end) {
        if (start + 1 < end && "-–—•*·▪".indexOf(text.charAt(start)) >= 0 && isSpace(text.charAt(start + 1))) {
            return skipSpaces(text, start + 1, end);
        }
        return start;
    }
}
