package dev.mojaz.ingest.dedupe;

import dev.mojaz.text.Sentence;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Works out what the grouper compares in a report: the terms of its lead (headline and opening sentences), all its
 * terms, the numbers of its lead, and its body sentences. Terms are the summariser's ({@link TermAnalyzer}: Arabic
 * normalised, stop words out, light stemming), so "والملاريا" and "الملاريا" are one term. Immutable and thread-safe.
 */
public final class ReportAnalyzer {
    /** The lead ends with the sentence that reaches this many words of body text (headline not counted). */
    static final int LEAD_WORDS = 60;

    private final SentenceSplitter splitter;
    private final TermAnalyzer analyzer;

    public ReportAnalyzer(SentenceSplitter splitter, TermAnalyzer analyzer) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    public AnalyzedReport analyze(Report report) {
        Map<String, Integer> lead = new TreeMap<>();
        Set<String> all = new HashSet<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (String term : terms(report.title())) {
            lead.merge(term, 1, Integer::sum);
            all.add(term);
            addNumber(term, numbers);
        }
        List<AnalyzedReport.SentenceTerms> sentences = new ArrayList<>();
        int leadWords = 0;
        for (Sentence sentence : splitter.split(report.text())) {
            if (!sentence.isBody()) {
                continue;
            }
            List<String> terms = terms(sentence.text());
            all.addAll(terms);
            sentences.add(new AnalyzedReport.SentenceTerms(sentence, new HashSet<>(terms)));
            if (leadWords < LEAD_WORDS) {
                for (String term : terms) {
                    lead.merge(term, 1, Integer::sum);
                    addNumber(term, numbers);
                }
                leadWords += sentence.words();
            }
        }
        return new AnalyzedReport(report, lead, all, numbers, sentences);
    }

    /** The terms of {@code text}, numbers written one way. */
    private List<String> terms(String text) {
        List<String> terms = analyzer.terms(text);
        terms.replaceAll(ReportAnalyzer::canonicalNumber);
        return terms;
    }

    private static void addNumber(String term, Set<String> numbers) {
        if (!term.isEmpty() && Character.isDigit(term.charAt(0))) {
            numbers.add(term);
        }
    }

    /**
     * A number written one way: the Arabic decimal separator (٫) becomes a point, thousands separators (٬, and a
     * comma before exactly three digits) go, and so do trailing zeros after a decimal point ("7.50" is "7.5"). Other
     * terms are returned as they are. Digits are already ASCII ({@link dev.mojaz.text.ArabicNormalizer}).
     */
    static String canonicalNumber(String term) {
        if (term.isEmpty() || !Character.isDigit(term.charAt(0))) {
            return term;
        }
        StringBuilder out = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\u066B') {
                out.append('.');
            } else if (c == '\u066C') {
                continue;
            } else if (c == ',') {
                boolean thousands = i + 4 == term.length() || (i + 4 < term.length() && !Character.isDigit(
                        term.charAt(i + 4)));
                if (!thousands) {
                    out.append('.');
                }
            } else {
                out.append(c);
            }
        }
        int point = out.indexOf(".");
        if (point >= 0) {
            int end = out.length();
            while (end > point + 1 && out.charAt(end - 1) == '0') {
                end--;
            }
            out.setLength(end == point + 1 ? point : end);
        }
        return out.toString();
    }
}
