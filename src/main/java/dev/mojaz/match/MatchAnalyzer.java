package dev.mojaz.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The text analysis of keyword matching, as a Lucene {@link Analyzer} so that Lucene Monitor and Mojaz's own
 * {@link MatchEngine} see exactly the same words: {@link MatchTokenizer} (normalise, split into words), then
 * Lucene's {@link KStemFilter} for English words (a dictionary-backed light stemmer: elections → election,
 * Iranian → Iran, but police and policy, or organ and organization, stay apart, which Porter's stemmer merges),
 * then {@link ArabicFormsFilter} for Arabic words.
 *
 * <p>Two flavours: {@link #forDocuments()} emits every form of each Arabic word stacked at its position;
 * {@link #forQueries()} gives each query word its one query form. Instances are thread-safe (Lucene keeps one
 * token-stream chain per thread).
 */
public final class MatchAnalyzer extends Analyzer {
    /** Positions between title and body, so that a phrase never runs from the headline into the text. */
    public static final int POSITION_GAP = 100;

    /** Words whose forms each thread remembers; about 100 bytes each. */
    static final int FORMS_CACHE_SIZE = 50_000;

    private final boolean documentSide;
    private volatile int cacheGeneration;

    private MatchAnalyzer(boolean documentSide) {
        this.documentSide = documentSide;
    }

    /** Analysis of article titles and texts. */
    public static MatchAnalyzer forDocuments() {
        return new MatchAnalyzer(true);
    }

    /** Analysis of the words people type in queries. */
    public static MatchAnalyzer forQueries() {
        return new MatchAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new MatchTokenizer();
        TokenStream stream = new KStemFilter(tokenizer);
        stream = new ArabicFormsFilter(stream, this, documentSide);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * Makes every thread forget the word forms it remembers, from its next text on. Only the benchmark needs this,
     * to measure articles whose words are all new.
     */
    void clearCaches() {
        cacheGeneration++;
    }

    int cacheGeneration() {
        return cacheGeneration;
    }

    int formsCacheSize() {
        return FORMS_CACHE_SIZE;
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }

    /**
     * The analysed words of {@code text}, one list per position: for a query analyser each list has one form, for
     * a document analyser every form of that word.
     */
    public List<List<String>> analyze(String text) {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream stream = tokenStream(MatchEngine.FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>());
                }
                positions.get(positions.size() - 1).add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        positions.replaceAll(List::copyOf);
        return List.copyOf(positions);
    }

    /** The query forms of the words in {@code text} (query analyser), or the literal forms (document analyser). */
    public List<String> words(String text) {
        return analyze(text).stream().map(forms -> forms.get(0)).toList();
    }
}
