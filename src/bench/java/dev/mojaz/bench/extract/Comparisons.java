package dev.mojaz.bench.extract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The comparison extractors of a run: the Jsoup baseline, plus any found on the classpath (Readability4J). */
public final class Comparisons {
    private Comparisons() {
    }

    /** Extractors registered as services, in classpath order; a broken registration is skipped, not fatal. */
    public static List<ComparisonExtractor> fromClasspath() {
        List<ComparisonExtractor> found = new ArrayList<>();
        Iterator<ComparisonExtractor> it = ServiceLoader.load(ComparisonExtractor.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // an adapter whose library is missing (a stale class in a plain build): leave it out
            }
        }
        return found;
    }
}
