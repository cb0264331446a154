package dev.mojaz.match;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;

/**
 * The construct state: news Arabic drops the article ال before a genitive (وزارة الدفاع, مجلس الأمن), so a query
 * word typed with the article also finds the bare noun: {@code المجلس} finds «مجلس الأمن», {@code الوزارة} finds
 * «وزارة الدفاع». The query word loses its article; nothing is lost by that, since every article word that has the
 * form with ال has the bare form too (see {@link ArabicForms}).
 *
 * <p>The article stays when dropping it would find another word:
 * <ul>
 *   <li>proper names that start with ال, where the bare word is something else: places ({@code القاهرة}, not
 *       قاهرة "overpowering"; {@code الرياض}, not رياض "gardens"), from {@link PlaceNames}; and the channels,
 *       parties, organisations and family names of {@code keep-article.txt} ({@code القاعدة}, not قاعدة "base";
 *       {@code الصدر}, not صدر "was issued");</li>
 *   <li>words whose ال is not an article (إلغاء typed as الغاء, التزام, ألمانيا), from {@code al-initial-words.txt}
 *       (built from the arramooz dictionary), and any word typed with a hamza on its alef (أل, إل, آل);</li>
 *   <li>a bare word of fewer than three letters, or one that is a stop word ({@code الإمام} would become امام,
 *       which is also أمام, "in front of").</li>
 * </ul>
 * Only single words change: in a quoted phrase, what is typed is kept.
 */
final class ArticleWords {
    static final String NAMES_RESOURCE = "keep-article.txt";
    static final String AL_INITIAL_RESOURCE = "al-initial-words.txt";
    private static final char ALEF = '\u0627';
    private static final char ALEF_WASLA = '\u0671';
    private static final char LAM = '\u0644';

    private final Set<String> keepArticle;
    private final Set<String> stopWords;

    private ArticleWords() {
        Set<String> keep = new HashSet<>();
        for (String resource : new String[] {NAMES_RESOURCE, AL_INITIAL_RESOURCE}) {
            for (String[] row : MatchData.rows(resource)) {
                keep.add(MatchData.foldedWord(row[0]));
            }
        }
        this.keepArticle = Set.copyOf(keep);
        Set<String> stop = new HashSet<>();
        for (Object word : ArabicAnalyzer.getDefaultStopSet()) {
            stop.add(MatchData.foldedWord(new String((char[]) word)));
        }
        this.stopWords = Set.copyOf(stop);
    }

    static ArticleWords standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final ArticleWords STANDARD = new ArticleWords();
    }

    /**
     * The typed word without a leading ال written with a plain alef, or null when it does not start so. Marks
     * before the letters are skipped; the rest is returned as typed.
     */
    static String withoutArticle(String typed) {
        int i = skipMarks(typed, 0);
        if (i >= typed.length() || typed.charAt(i) != ALEF && typed.charAt(i) != ALEF_WASLA) {
            return null;
        }
        i = skipMarks(typed, i + 1);
        if (i >= typed.length() || typed.charAt(i) != LAM) {
            return null;
        }
        return typed.substring(i + 1);
    }

    /**
     * Whether a query word typed with the article ({@code withArticle}, folded) may be looked for as its bare form
     * ({@code bare}, folded).
     */
    boolean dropsArticle(String withArticle, String bare) {
        return bare.codePointCount(0, bare.length()) >= ArabicForms.MIN_STRIPPED
                && !keepArticle.contains(withArticle)
                && !PlaceNames.standard().isArabicNameAsWritten(withArticle)
                && !stopWords.contains(bare);
    }

    /** Whether the folded word is one of Lucene's Arabic stop words. */
    boolean isStopWord(String folded) {
        return stopWords.contains(folded);
    }

    private static int skipMarks(String s, int i) {
        while (i < s.length() && (Character.getType(s.charAt(i)) == Character.NON_SPACING_MARK
                || s.charAt(i) == '\u0640' || MatchTokenizer.isInvisible(s.charAt(i)))) {
            i++;
        }
        return i;
    }
}
