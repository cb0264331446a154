package dev.mojaz.bench.eval;

import dev.mojaz.ingest.dedupe.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The labelled pairs of the story-grouping evaluation: reports, and pairs of them labelled "same event" or
 * "different", each pair with the kind of case it is ("follow-up a day later", "same template, other numbers"…).
 *
 * <p>Three files (their format is described in their own headers):
 * <ul>
 *   <li>{@code reports.txt}: reports written for the set, one record each
 *       ({@code === id event source published}, the title, the body);</li>
 *   <li>{@code references.tsv}: reports that live elsewhere: the seed articles bundled with Mojaz
 *       ({@code sample:NAME}), and EASC articles or their reference summaries ({@code easc:TOPIC},
 *       {@code easc:TOPIC/A}), read from the EASC file when one is given and skipped otherwise;</li>
 *   <li>{@code pairs.tsv}: {@code a b label kind}.</li>
 * </ul>
 * Each pair belongs to half A or B by a hash of its two ids, fixed forever, so that rules tuned on A are reported on
 * B.
 *
 * @param reports every report that could be read, by id, in file order
 * @param pairs   the pairs whose two reports could be read
 * @param skipped pairs left out because a report could not be read (EASC not given)
 */
public record StoryPairSet(Map<String, LabelledReport> reports, List<LabelledPair> pairs, int skipped) {

    public StoryPairSet {
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
        pairs = List.copyOf(pairs);
    }

    /** A report with the event it tells (the label behind the pair labels). */
    public record LabelledReport(String id, String event, Report report) {
        public LabelledReport {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(report, "report");
        }
    }

    /** Which half a pair is in. */
    public enum Half { A, B }

    /** Two reports and whether they tell one event. */
    public record LabelledPair(String a, String b, boolean same, String kind) {
        public LabelledPair {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(kind, "kind");
        }

        /** Half A or B, by an FNV-1a hash of the two ids in sorted order: stable whatever the file order. */
        public Half half() {
            String key = a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
            int h = 0x811c9dc5;
            for (int i = 0; i < key.length(); i++) {
                h ^= key.charAt(i);
                h *= 0x01000193;
            }
            return ((h >>> 7) & 1) == 0 ? Half.A : Half.B;
        }

        /** "same: other outlets, same event" or "different: follow-up a day later". */
        public String labelAndKind() {
            return (same ? "same: " : "different: ") + kind;
        }
    }

    /** Reads a file of the set by name (reports.txt, references.tsv, pairs.tsv); NoSuchFileException if absent. */
    @FunctionalInterface
    public interface SetFiles {
        String read(String name) throws IOException;
    }

    /** The set in a directory. */
    public static StoryPairSet load(Path directory, Path easc) throws IOException {
        return load(name -> Files.readString(directory.resolve(name), StandardCharsets.UTF_8), easc);
    }

    /** The set bundled on the classpath (the bench jar carries it under {@code /dev/mojaz/stories/}). */
    public static StoryPairSet loadBundled(Path easc) throws IOException {
        return load(name -> {
            String text = resource("/dev/mojaz/stories/" + name);
            if (text == null) {
                throw new NoSuchFileException("/dev/mojaz/stories/" + name + " (classpath)");
            }
            return text;
        }, easc);
    }

    /**
     * Reads the set.
     *
     * @param easc the EASC jsonl file, or null: then the pairs that need it are skipped
     * @throws IllegalArgumentException naming the file and line of a malformed record
     */
    public static StoryPairSet load(SetFiles files, Path easc) throws IOException {
        Map<String, LabelledReport> reports = new LinkedHashMap<>();
        readReports(files.read("reports.txt"), reports);
        Map<String, EascArticle> eascArticles = new HashMap<>();
        if (easc != null) {
            for (EascArticle article : EascDataset.read(easc)) {
                eascArticles.put(article.topic(), article);
            }
        }
        readReferences(files.read("references.tsv"), eascArticles, easc != null, reports);
        List<LabelledPair> pairs = new ArrayList<>();
        int skipped = 0;
        int number = 0;
        for (String line : files.read("pairs.tsv").split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || !(f[2].equals("same") || f[2].equals("different"))) {
                throw new IllegalArgumentException("pairs.tsv:" + number + ": expected 'a<TAB>b<TAB>same|different<TAB>kind'");
            }
            if (reports.containsKey(f[0]) && reports.containsKey(f[1])) {
                pairs.add(new LabelledPair(f[0], f[1], f[2].equals("same"), f[3]));
            } else {
                skipped++;
            }
        }
        return new StoryPairSet(reports, pairs, skipped);
    }

    private static void readReports(String text, Map<String, LabelledReport> reports) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("=== ")) {
            i++;
        }
        while (i < lines.length) {
            int header = i;
            String[] f = lines[i].substring(4).strip().split("\\s+");
            if (f.length != 4) {
                throw new IllegalArgumentException("reports.txt:" + (header + 1)
                        + ": expected '=== id event source published'");
            }
            i++;
            String title = i < lines.length ? lines[i].strip() : "";
            i++;
            StringBuilder body = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("=== ")) {
                body.append(lines[i]).append('\n');
                i++;
            }
            if (body.toString().isBlank()) {
                throw new IllegalArgumentException("reports.txt:" + (header + 1) + ": " + f[0] + " has no text");
            }
            put(reports, new LabelledReport(f[0], f[1], new Report(title, body.toString().strip(), f[2],
                    instant(f[3], "reports.txt:" + (header + 1)), url(f[0]))), "reports.txt:" + (header + 1));
        }
    }

    private static void readReferences(String text, Map<String, EascArticle> easc, boolean eascGiven,
                                       Map<String, LabelledReport> reports) {
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = "references.tsv:" + number;
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException(where + ": expected 'id<TAB>event<TAB>source<TAB>published<TAB>ref'");
            }
            Instant published = instant(f[3], where);
            String ref = f[4];
            String title;
            String body;
            if (ref.startsWith("sample:")) {
                String sample = resource("/dev/mojaz/samples/" + ref.substring("sample:".length()) + ".txt");
                if (sample == null) {
                    throw new IllegalArgumentException(where + ": no seed article " + ref);
                }
                int firstBreak = sample.indexOf('\n');
                title = firstBreak < 0 ? "" : sample.substring(0, firstBreak).strip();
                body = firstBreak < 0 ? sample : sample.substring(firstBreak + 1);
            } else if (ref.startsWith("easc:")) {
                if (!eascGiven) {
                    continue;
                }
                String topic = ref.substring("easc:".length());
                int slash = topic.indexOf('/');
                EascArticle article = easc.get(slash < 0 ? topic : topic.substring(0, slash));
                if (article == null) {
                    throw new IllegalArgumentException(where + ": no EASC article " + topic);
                }
                if (slash < 0) {
                    title = article.title();
                    body = article.article();
                } else {
                    int index = topic.charAt(slash + 1) - 'A';
                    if (topic.length() != slash + 2 || index < 0 || index >= article.references().size()) {
                        throw new IllegalArgumentException(where + ": no reference summary " + topic);
                    }
                    title = "";
                    body = article.references().get(index);
                }
            } else {
                throw new IllegalArgumentException(where + ": ref must start with sample: or easc:");
            }
            put(reports, new LabelledReport(f[0], f[1], new Report(title, body, f[2], published, url(f[0]))), where);
        }
    }

    private static void put(Map<String, LabelledReport> reports, LabelledReport report, String where) {
        if (reports.putIfAbsent(report.id(), report) != null) {
            throw new IllegalArgumentException(where + ": id " + report.id() + " used twice");
        }
    }

    private static Instant instant(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": not an ISO-8601 instant: " + text, e);
        }
    }

    private static URI url(String id) {
        return URI.create("https://stories.invalid/" + id);
    }

    /** A classpath resource as text, or null when there is none. */
    private static String resource(String name) {
        try (InputStream in = StoryPairSet.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
