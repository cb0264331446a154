package dev.mojaz.bench.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Generates realistic stored queries for {@code bench match} from the keyword lists in {@code bench-keywords.txt}
 * (countries, cities, people, organisations and topics, in Arabic and English): single words and phrases, two
 * required terms, alternatives, exclusions, source restrictions, in proportions guessed from what people ask news
 * bots for. Deterministic for a given seed.
 */
public final class BenchQueries {
    private static final String RESOURCE = "bench-keywords.txt";

    private final Map<String, List<String>> lists;
    private final List<String> arabic = new ArrayList<>();
    private final List<String> english = new ArrayList<>();
    private final List<String> arabicTopics;
    private final List<String> englishTopics;

    private BenchQueries(Map<String, List<String>> lists) {
        this.lists = lists;
        lists.forEach((name, words) -> (name.startsWith("ar.") ? arabic : english).addAll(words));
        arabicTopics = lists.getOrDefault("ar.topics", arabic);
        englishTopics = lists.getOrDefault("en.topics", english);
    }

    /** The keyword lists on the classpath. */
    public static BenchQueries load() {
        try (InputStream in = BenchQueries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new BenchQueries(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> current = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                current = lists.computeIfAbsent(text.substring(1, text.length() - 1), name -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalStateException(RESOURCE + ": keyword before the first [section]: " + text);
            } else {
                current.add(text);
            }
        }
        return lists;
    }

    /** Number of distinct keywords. */
    public int keywordCount() {
        return arabic.size() + english.size();
    }

    public Map<String, List<String>> lists() {
        return lists;
    }

    /**
     * {@code count} query texts in the syntax people type, mostly Arabic, a sixth English; texts {@code valid}
     * rejects (a keyword both required and excluded, say) are replaced by others.
     */
    public List<String> generate(int count, long seed, List<String> sourceIds, Predicate<String> valid) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        while (queries.size() < count) {
            boolean inEnglish = random.nextInt(6) == 0;
            List<String> words = inEnglish ? english : arabic;
            List<String> topics = inEnglish ? englishTopics : arabicTopics;
            String orWord = inEnglish || random.nextBoolean() ? "OR" : "أو";
            int shape = random.nextInt(100);
            String query;
            if (shape < 40) {
                query = term(words, random);
            } else if (shape < 60) {
                query = term(words, random) + " " + term(words, random);
            } else if (shape < 75) {
                query = term(words, random) + " " + orWord + " " + term(words, random)
                        + (random.nextBoolean() ? " " + orWord + " " + term(words, random) : "");
            } else if (shape < 87) {
                query = term(words, random) + " -" + term(topics, random);
            } else if (shape < 95) {
                query = term(words, random) + " " + orWord + " " + term(words, random) + " " + term(topics, random);
            } else {
                query = term(words, random) + " source:" + sourceIds.get(random.nextInt(sourceIds.size()));
            }
            if (valid.test(query)) {
                queries.add(query);
            }
        }
        return queries;
    }

    private static String term(List<String> words, Random random) {
        String word = words.get(random.nextInt(words.size()));
        return word.indexOf(' ') >= 0 ? "\"" + word + "\"" : word;
    }
}
