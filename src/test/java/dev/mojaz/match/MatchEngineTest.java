package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bench.match.BenchQueries;
import dev.mojaz.bench.match.MonitorMatchEngine;
import dev.mojaz.bench.match.SampleArticles;
import dev.mojaz.config.MatchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class MatchEngineTest {
    private static final List<String> SOURCES = List.of("sana", "bbc-arabic", "rt-arabic", "aljazeera");
    private final QueryParser parser = new QueryParser(new MatchConfig(50, 200, 20), SOURCES);
    private final MatchEngine engine = new MatchEngine();

    private Query query(String text) {
        try {
            return parser.parse(text);
        } catch (InvalidQueryException e) {
            throw new AssertionError(e);
        }
    }

    private List<Long> ids(String title, String text, String source) {
        return engine.match(title, text, source).stream().map(SubscriptionQuery::id).sorted().toList();
    }

    @Test
    void returnsTheMatchingSubscriptionsWithTheirChats() {
        engine.put(SubscriptionQuery.of(1, 100, query("داعش")));
        engine.put(SubscriptionQuery.of(2, 200, query("\"جبهة النصرة\"")));
        engine.put(SubscriptionQuery.of(3, 300, query("عمان")));
        List<SubscriptionQuery> found = engine.match("", "الدعم لداعش ولجبهة النصرة", "sana");
        assertThat(found).extracting(SubscriptionQuery::id).containsExactlyInAnyOrder(1L, 2L);
        assertThat(found).extracting(SubscriptionQuery::chatId).containsExactlyInAnyOrder(100L, 200L);
        assertThat(engine.size()).isEqualTo(3);
    }

    @Test
    void putReplacesTheQueryUnderTheSameId() {
        engine.put(SubscriptionQuery.of(1, 100, query("داعش")));
        engine.put(SubscriptionQuery.of(1, 100, query("لبنان")));
        assertThat(ids("", "الدعم لداعش", null)).isEmpty();
        assertThat(ids("", "في لبنان", null)).containsExactly(1L);
        assertThat(engine.size()).isEqualTo(1);
        assertThat(engine.distinctQueries()).isEqualTo(1);
    }

    @Test
    void removeForgetsTheSubscription() {
        engine.put(SubscriptionQuery.of(1, 100, query("داعش")));
        assertThat(engine.remove(1)).isTrue();
        assertThat(engine.remove(1)).isFalse();
        assertThat(ids("", "الدعم لداعش", null)).isEmpty();
        assertThat(engine.size()).isZero();
        assertThat(engine.distinctQueries()).isZero();
    }

    @Test
    void subscriptionsAskingTheSameThingShareOneQuery() {
        engine.put(SubscriptionQuery.of(1, 100, query("سوريا روسيا")));
        engine.put(SubscriptionQuery.of(2, 200, query("روسيا سورية")));
        engine.put(SubscriptionQuery.of(3, 300, query("روسيا  سوريا")));
        assertThat(engine.distinctQueries()).isEqualTo(1);
        assertThat(ids("", "روسيا تدعم سوريا", null)).containsExactly(1L, 2L, 3L);
        engine.remove(2);
        assertThat(ids("", "روسيا تدعم سوريا", null)).containsExactly(1L, 3L);
        assertThat(engine.distinctQueries()).isEqualTo(1);
    }

    @Test
    void aQueryLeftWithOneSubscriberFindsItOnceAndKeepsItsSourceFilter() {
        // A distinct query with one unfiltered subscriber is matched through a shortcut: it must follow every change.
        engine.put(SubscriptionQuery.of(1, 100, query("سوريا")));
        engine.put(SubscriptionQuery.of(2, 200, query("سوريا")));
        engine.remove(1);
        assertThat(ids("", "في سوريا", "sana")).containsExactly(2L);
        engine.put(new SubscriptionQuery(3, 300, query("سوريا"), List.of("rt-arabic")));
        engine.remove(2);
        assertThat(ids("", "في سوريا", "sana")).isEmpty();
        assertThat(ids("", "في سوريا", "rt-arabic")).containsExactly(3L);
        engine.put(SubscriptionQuery.of(3, 300, query("سوريا")));
        assertThat(ids("", "في سوريا", "sana")).containsExactly(3L);
        engine.remove(3);
        assertThat(ids("", "في سوريا", "sana")).isEmpty();
        engine.put(SubscriptionQuery.of(4, 400, query("سوريا")));
        assertThat(ids("", "في سوريا", null)).containsExactly(4L);
    }

    @Test
    void bothSourceFiltersApply() {
        engine.put(SubscriptionQuery.of(1, 100, query("سوريا source:sana,bbc-arabic")));
        engine.put(new SubscriptionQuery(2, 200, query("سوريا"), List.of("SANA")));
        engine.put(new SubscriptionQuery(3, 300, query("سوريا source:sana"), List.of("bbc-arabic")));
        engine.put(SubscriptionQuery.of(4, 400, query("سوريا")));
        engine.put(new SubscriptionQuery(5, 500, query("سوريا"), List.of("rt-arabic")));
        assertThat(ids("", "في سوريا", "sana")).containsExactly(1L, 2L, 4L);
        assertThat(ids("", "في سوريا", "BBC-Arabic")).containsExactly(1L, 4L);
        assertThat(ids("", "في سوريا", "rt-arabic")).containsExactly(4L, 5L);
        assertThat(ids("", "في سوريا", null)).containsExactly(4L);
    }

    @Test
    void titleAndTextAreBothSearchedButPhrasesStayInOne() {
        engine.put(SubscriptionQuery.of(1, 1, query("داعش")));
        engine.put(SubscriptionQuery.of(2, 1, query("\"الهجوم الأخير\"")));
        assertThat(ids("داعش يتبنى الهجوم", "الأخير في المنطقة", null)).containsExactly(1L);
        assertThat(ids(null, null, null)).isEmpty();
        assertThat(ids("", "", null)).isEmpty();
    }

    @Test
    void oneOffMatchingDecidesAsTheEngine() {
        assertThat(MatchEngine.matches(query("سوريا -رياضة"), "", "قصف في سوريا", null)).isTrue();
        assertThat(MatchEngine.matches(query("سوريا -رياضة"), "الرياضة", "قصف في سوريا", null)).isFalse();
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void manyQueriesComeAndGoWithoutChangingWhatMatches() {
        // Enough distinct words that removing them all rebuilds the dictionary and compacts the compiled checks.
        List<String> texts = new ArrayList<>(BenchQueries.load().generate(2000, 7, SOURCES, this::valid));
        for (int i = 0; i < 1500; i++) {
            texts.add("word" + i + " OR سوريا -other" + i);
        }
        SampleArticles.Article article = SampleArticles.load().get(1);
        String text = article.text() + " word7 other8 word8";
        MatchEngine reference = new MatchEngine();
        for (int i = 0; i < texts.size(); i++) {
            reference.put(SubscriptionQuery.of(i, i, query(texts.get(i))));
        }
        List<Long> expected = reference.match(article.title(), text, "sana").stream().map(SubscriptionQuery::id)
                .sorted().toList();
        assertThat(expected).contains(2007L).doesNotContain(2008L).hasSizeGreaterThan(500);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < texts.size(); i++) {
                engine.put(SubscriptionQuery.of(i, i, query(texts.get(i))));
            }
            assertThat(ids(article.title(), text, "sana")).isEqualTo(expected);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(engine.remove(i)).isTrue();
            }
            assertThat(engine.size()).isZero();
            assertThat(engine.distinctQueries()).isZero();
            assertThat(ids(article.title(), text, "sana")).isEmpty();
        }
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void theIndexTheNaiveLoopAndLuceneMonitorAgreeOnTheSeedArticles() throws Exception {
        List<String> texts = BenchQueries.load().generate(2000, 11, SOURCES, this::valid);
        List<SubscriptionQuery> subscriptions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> own = i % 10 == 0 ? List.of(SOURCES.get(i % SOURCES.size())) : List.of();
            subscriptions.add(new SubscriptionQuery(i, i % 97, query(texts.get(i)), own));
        }
        subscriptions.forEach(engine::put);
        try (MonitorMatchEngine term = new MonitorMatchEngine(MonitorMatchEngine.PresearcherKind.TERM);
                MonitorMatchEngine multipass = new MonitorMatchEngine(MonitorMatchEngine.PresearcherKind.MULTIPASS)) {
            term.putAll(subscriptions);
            multipass.putAll(subscriptions);
            int total = 0;
            for (SampleArticles.Article article : SampleArticles.load()) {
                for (String source : new String[] {null, "sana", "bbc-arabic"}) {
                    List<Long> found = ids(article.title(), article.text(), source);
                    total += found.size();
                    assertThat(sorted(engine.matchEachQuery(article.title(), article.text(), source))).isEqualTo(found);
                    assertThat(sorted(term.match(article.title(), article.text(), source))).isEqualTo(found);
                    assertThat(sorted(multipass.match(article.title(), article.text(), source))).isEqualTo(found);
                }
            }
            assertThat(total).as("the comparison is not vacuous").isGreaterThan(1000);
        }
    }

    @Test
    void matchingGoesOnWhileQueriesAreRegistered() throws Exception {
        engine.put(SubscriptionQuery.of(-1, 1, query("لافروف")));
        SampleArticles.Article article = SampleArticles.load().get(2);
        List<String> texts = BenchQueries.load().generate(2000, 3, SOURCES, this::valid);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    int rounds = 0;
                    while (!done.get() || rounds == 0) {
                        List<Long> found = ids(article.title(), article.text(), null);
                        assertThat(found).contains(-1L);
                        rounds++;
                    }
                    return rounds;
                }));
            }
            for (int i = 0; i < texts.size(); i++) {
                engine.put(SubscriptionQuery.of(i, i, query(texts.get(i))));
                if (i % 3 == 0) {
                    engine.remove(i);
                }
            }
            done.set(true);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.size()).isEqualTo(1 + texts.size() - (texts.size() + 2) / 3);
    }

    private boolean valid(String text) {
        try {
            parser.parse(text);
            return true;
        } catch (InvalidQueryException e) {
            return false;
        }
    }

    private static List<Long> sorted(List<SubscriptionQuery> found) {
        return found.stream().map(SubscriptionQuery::id).sorted().toList();
    }
}
