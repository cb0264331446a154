package dev.mojaz.match;

import dev.mojaz.text.ArabicNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the word lists shipped next to this class (see SOURCES.md there). */
final class MatchData {
    private MatchData() {
    }

    /** The non-empty lines of a resource that are not comments (#), split on tabs. */
    static List<String[]> rows(String resource) {
        try (InputStream in = MatchData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /**
     * One Arabic word as matching compares it: normalised as {@link MatchTokenizer} does, then folded as
     * {@link ArabicForms#fold} does (the order does not matter for a single word).
     */
    static String foldedWord(String word) {
        char[] chars = ArabicNormalizer.normalize(word.strip()).toCharArray();
        return new String(chars, 0, ArabicForms.fold(chars, chars.length));
    }
}
