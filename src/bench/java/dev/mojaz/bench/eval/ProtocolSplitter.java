package dev.mojaz.bench.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentence splitting the EASC reference figures were computed with: at {@code . ! ? ؟} followed by a space, and
 * at line breaks; pieces under three protocol tokens dropped. Used for the Lead row, so that it reproduces the
 * published Lead figure; Mojaz itself uses {@link dev.mojaz.text.SentenceSplitter}.
 */
public final class ProtocolSplitter {
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?؟])\\s+|\\n+");
    private static final int MIN_TOKENS = 3;

    private ProtocolSplitter() {
    }

    public static List<String> split(String article) {
        List<String> sentences = new ArrayList<>();
        for (String piece : BOUNDARY.split(article)) {
            String sentence = piece.strip();
            if (RougeTokenizer.tokens(sentence).size() >= MIN_TOKENS) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
