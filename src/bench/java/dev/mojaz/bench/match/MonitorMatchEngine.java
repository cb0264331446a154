package dev.mojaz.bench.match;

import dev.mojaz.match.Alternatives;
import dev.mojaz.match.MatchAnalyzer;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryTerm;
import dev.mojaz.match.SubscriptionQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The same matching done by Lucene Monitor, kept so that {@code bench match} can measure it against
 * {@link MatchEngine} in the same run, and so that tests can check that both decide alike. Queries become Lucene
 * queries over the words of {@link MatchAnalyzer#forQueries()}; articles are analysed by
 * {@link MatchAnalyzer#forDocuments()} into Monitor's per-document in-memory index. To compare like with like,
 * subscriptions asking for the same thing share one Monitor query, as they share one query in {@link MatchEngine}.
 */
public final class MonitorMatchEngine implements Closeable {
    private static final String SOURCE_FIELD = "source";

    /** Monitor's candidate selection. */
    public enum PresearcherKind {
        /** {@link TermFilteredPresearcher}: one pass over the terms of each query. */
        TERM,
        /** {@link MultipassTermFilteredPresearcher} with two passes: fewer candidates, bigger query index. */
        MULTIPASS;

        Presearcher create() {
            return this == TERM ? new TermFilteredPresearcher() : new MultipassTermFilteredPresearcher(2);
        }
    }

    private final Monitor monitor;
    /** Subscribers by Monitor query id (the distinct query's number). */
    private final Map<String, List<SubscriptionQuery>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();
    private int size;

    public MonitorMatchEngine(PresearcherKind presearcher) {
        try {
            monitor = new Monitor(MatchAnalyzer.forDocuments(), presearcher.create());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers subscriptions (not yet registered ones: this engine is for measuring, not for updates). */
    public void putAll(List<SubscriptionQuery> queries) {
        List<MonitorQuery> batch = new ArrayList<>();
        for (SubscriptionQuery subscription : queries) {
            String key = subscription.query().key();
            String id = idByKey.get(key);
            if (id == null) {
                id = Integer.toString(idByKey.size());
                idByKey.put(key, id);
                subscribers.put(id, new ArrayList<>());
                batch.add(new MonitorQuery(id, luceneQuery(subscription.query())));
            }
            subscribers.get(id).add(subscription);
            size++;
        }
        try {
            monitor.register(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SubscriptionQuery> match(String title, String text, String sourceId) {
        Document document = new Document();
        document.add(new TextField(MatchEngine.FIELD, title == null ? "" : title, Field.Store.NO));
        document.add(new TextField(MatchEngine.FIELD, text == null ? "" : text, Field.Store.NO));
        if (sourceId != null) {
            document.add(new StringField(SOURCE_FIELD, sourceId.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        try {
            MatchingQueries<QueryMatch> matches = monitor.match(document, QueryMatch.SIMPLE_MATCHER);
            List<SubscriptionQuery> matched = new ArrayList<>();
            String source = sourceId == null ? null : sourceId.toLowerCase(Locale.ROOT);
            for (QueryMatch match : matches.getMatches()) {
                for (SubscriptionQuery subscription : subscribers.get(match.getQueryId())) {
                    if (subscription.allowsSource(source)) {
                        matched.add(subscription);
                    }
                }
            }
            matched.sort(Comparator.comparingLong(SubscriptionQuery::id));
            return matched;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }

    public static org.apache.lucene.search.Query luceneQuery(Query query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Alternatives part : query.required()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (QueryTerm term : part.terms()) {
                any.add(luceneQuery(term), Occur.SHOULD);
            }
            builder.add(any.build(), Occur.MUST);
        }
        for (QueryTerm term : query.excluded()) {
            builder.add(luceneQuery(term), Occur.MUST_NOT);
        }
        addSourceFilter(builder, query.sources());
        return builder.build();
    }

    private static org.apache.lucene.search.Query luceneQuery(QueryTerm term) {
        if (term.equivalents().isEmpty()) {
            return luceneQuery(term.words());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (List<String> wording : term.wordings()) {
            any.add(luceneQuery(wording), Occur.SHOULD);
        }
        return any.build();
    }

    private static org.apache.lucene.search.Query luceneQuery(List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(MatchEngine.FIELD, words.get(0)));
        }
        return new PhraseQuery(MatchEngine.FIELD, words.toArray(String[]::new));
    }

    private static void addSourceFilter(BooleanQuery.Builder builder, List<String> sources) {
        if (sources.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String source : sources) {
            any.add(new TermQuery(new Term(SOURCE_FIELD, source)), Occur.SHOULD);
        }
        builder.add(any.build(), Occur.FILTER);
    }
}
