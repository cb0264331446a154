import dev.mojaz.bench.match.BenchQueries;
import dev.mojaz.bench.match.SampleArticles;
import dev.mojaz.config.MatchConfig;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.QueryParser;
import dev.mojaz.match.SubscriptionQuery;
import dev.mojaz.match.InvalidQueryException;
import java.util.List;

/** One jar's engine with bench match's 100,000 queries; each call matches the next seed article. */
public final class Side implements java.util.function.LongSupplier {
    static final List<String> SOURCES = List.of("bbc-arabic", "aljazeera", "france24", "rt-arabic",
            "skynews-arabia", "sana", "alarabiya", "dw-arabic");
    final List<SampleArticles.Article> articles = SampleArticles.load();
    final String[] sources;
    final MatchEngine engine = new MatchEngine();
    int next;

    public Side() throws Exception {
        QueryParser parser = new QueryParser(new MatchConfig(50, 200, 20), SOURCES);
        List<String> texts = BenchQueries.load().generate(100_000, 42, SOURCES, t -> {
            try { parser.parse(t); return true; } catch (InvalidQueryException e) { return false; }
        });
        for (int i = 0; i < texts.size(); i++) {
            engine.put(SubscriptionQuery.of(i + 1, 1_000_000L + i % 20_000, parser.parse(texts.get(i))));
        }
        sources = new String[articles.size()];
        for (int i = 0; i < articles.size() - 1; i++) sources[i] = SOURCES.get(i % SOURCES.size());
    }

    @Override
    public long getAsLong() {
        int i = next++ % articles.size();
        return engine.match(articles.get(i).title(), articles.get(i).text(), sources[i]).size();
    }
}
