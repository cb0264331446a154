package dev.mojaz.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns text into the terms that scoring counts: each word normalised ({@link ArabicNormalizer}), stop words
 * dropped, and light-stemmed, so that {@code والمعارضة}, {@code المعارضة} and {@code معارضة} are one term.
 *
 * <p>The tables are Lucene's: the Arabic stop set of {@link ArabicAnalyzer#getDefaultStopSet()} (folded once here,
 * because Lucene applies it before normalising), Lucene's light {@link ArabicStemmer} (prefixes ال و بال كال فال لل,
 * common suffixes), and for Latin words the English stop set and the Snowball English stemmer. Numbers are kept as
 * terms (with ASCII digits): "2254" in a resolution number is as telling as a name.
 *
 * <p>Why not a Lucene {@code TokenStream}: building one per sentence costs more than the work itself; the stemmers
 * work on {@code char[]} and are called here directly on a reused buffer. Instances are immutable and thread-safe;
 * each call keeps its own buffer.
 */
public final class TermAnalyzer {
    /** Terms shorter than this (after stemming) say nothing on their own. */
    private static final int MIN_TERM_LENGTH = 2;
    /** Words longer than this are not words (a URL, a base64 blob); they are skipped, not stemmed. */
    private static final int MAX_WORD_LENGTH = 64;

    private final CharArraySet stopWords;
    private final ArabicStemmer arabicStemmer = new ArabicStemmer();

    private TermAnalyzer(CharArraySet stopWords) {
        this.stopWords = CharArraySet.unmodifiableSet(stopWords);
    }

    /** Lucene's Arabic and English stop words. */
    public static TermAnalyzer standard() {
        CharArraySet stop = new CharArraySet(256, false);
        for (Object word : ArabicAnalyzer.getDefaultStopSet()) {
            stop.add(ArabicNormalizer.normalize(new String((char[]) word)));
        }
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            stop.add(new String((char[]) word));
        }
        return new TermAnalyzer(stop);
    }

    /** Whether {@code word} (as written) is a stop word. */
    public boolean isStopWord(CharSequence word) {
        char[] buffer = word.toString().toCharArray();
        int length = ArabicNormalizer.normalize(buffer, buffer.length);
        return stopWords.contains(buffer, 0, length);
    }

    /** The terms of {@code text}, in order (repeats kept). */
    public List<String> terms(CharSequence text) {
        List<String> terms = new ArrayList<>();
        terms(text, 0, text.length(), terms::add);
        return terms;
    }

    /** The term of one word as written, or null when it is a stop word or too short to count. */
    public String term(CharSequence word) {
        List<String> terms = new ArrayList<>(1);
        terms(word, 0, word.length(), terms::add);
        return terms.size() == 1 ? terms.get(0) : null;
    }

    /** Reports the terms between {@code start} and {@code end} of {@code text}, in order. */
    public void terms(CharSequence text, int start, int end, Consumer<String> sink) {
        new Session(sink).run(text, start, end);
    }

    /** One call's mutable state: the word buffer and, when a Latin word turns up, the (stateful) Snowball stemmer. */
    private final class Session implements Tokenizer.Sink {
        private final Consumer<String> sink;
        private final char[] buffer = new char[MAX_WORD_LENGTH];
        private CharSequence text;
        private EnglishStemmer english;

        Session(Consumer<String> sink) {
            this.sink = sink;
        }

        void run(CharSequence source, int start, int end) {
            this.text = source;
            Tokenizer.forEach(source, start, end, this);
        }

        @Override
        public void token(int start, int end, Tokenizer.Kind kind) {
            int length = end - start;
            if (length > MAX_WORD_LENGTH) {
                return;
            }
            for (int i = 0; i < length; i++) {
                buffer[i] = text.charAt(start + i);
            }
            length = ArabicNormalizer.normalize(buffer, length);
            if (stopWords.contains(buffer, 0, length)) {
                return;
            }
            switch (kind) {
                case ARABIC -> {
                    // Lucene takes a one-letter clitic only off words of four letters or more, so "وقد", "فلا"
                    // need this: a conjunction on a stop word is a stop word.
                    if (length >= 3 && (buffer[0] == 'و' || buffer[0] == 'ف')
                            && stopWords.contains(buffer, 1, length - 1)) {
                        return;
                    }
                    length = arabicStemmer.stem(buffer, length);
                    // "وقد" stems to "قد": a stop word once its clitic is gone.
                    if (stopWords.contains(buffer, 0, length)) {
                        return;
                    }
                }
                case OTHER_LETTERS -> length = stemLatin(length);
                case NUMBER -> {
                    // Kept as written (digits already ASCII).
                }
            }
            if (length >= MIN_TERM_LENGTH) {
                sink.accept(new String(buffer, 0, length));
            }
        }

        private int stemLatin(int length) {
            if (english == null) {
                english = new EnglishStemmer();
            }
            english.setCurrent(buffer, length);
            english.stem();
            int stemmed = Math.min(english.getCurrentBufferLength(), buffer.length);
            System.arraycopy(english.getCurrentBuffer(), 0, buffer, 0, stemmed);
            return stemmed;
        }
    }
}
