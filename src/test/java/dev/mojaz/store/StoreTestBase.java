package dev.mojaz.store;

import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.testing.FakeClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real store on a fresh database for each test, a clock the test moves, and helpers to make data. Every test of a
 * subclass runs twice: on an SQLite file and on PostgreSQL ({@link TestDatabase}; skipped, saying why, when the
 * machine has no PostgreSQL). A test about one database alone says so with {@code assumeTrue(dialect == ...)}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
abstract class StoreTestBase {
    static final Instant START = Instant.parse("2026-11-10T08:30:00Z");
    static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    final FakeClock clock = new FakeClock(START);
    TestDatabase target;
    SqlStorage store;

    @BeforeEach
    void openStore() {
        target = TestDatabase.create(dialect, dir);
        store = new SqlStorage(target.open(), clock, 30);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (target != null) {
            target.close();
        }
    }

    Chat chat(long id) {
        return store.chats().register(id, ChatKind.PRIVATE, "chat " + id, ChatSettings.defaults("ar", DAMASCUS));
    }

    static Article article(String source, String path, long signature, Instant fetched) {
        URI url = URI.create("https://" + source + ".example/" + path);
        return new Article(source, url, url, "guid-" + path, "عنوان " + path, "نص الخبر " + path, null,
                fetched.minus(Duration.ofMinutes(5)), fetched, "ar", List.of("جملة أولى.", "جملة ثانية."), signature);
    }

    ArticleRepository.AddResult addArticle(String path, long signature) {
        return store.articles().add(article("sana", path, signature, clock.instant()));
    }

    /**
     * Runs {@code task} on {@code threads} threads at once (they start together from a latch) and returns what each
     * returned. No sleeps: the test waits on the futures.
     */
    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
