package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository.AddResult;
import dev.mojaz.domain.ArticleRepository.Outcome;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ArticleStoreTest extends StoreTestBase {
    private static final long SIG = 0x0123_4567_89AB_CDEFL;

    @Test
    void aNewArticleStartsAStoryAndReadsBackAsStored() {
        Article original = new Article("sana", URI.create("https://sana.sy/?p=1&utm_source=x"),
                URI.create("https://sana.sy/?p=1"), "guid-1", "العنوان", "الفقرة الأولى.\n\nالفقرة الثانية.",
                "كاتب", Instant.parse("2026-11-10T07:00:00Z"), START, "ar", List.of("الفقرة الأولى."), SIG);
        AddResult result = store.articles().add(original);

        assertThat(result.outcome()).isEqualTo(Outcome.ADDED);
        StoredArticle stored = store.articles().find(result.articleId()).orElseThrow();
        assertThat(stored.article()).isEqualTo(original);
        assertThat(stored.storyId()).isEqualTo(result.storyId());
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void nullableFieldsSurviveTheRoundTrip() {
        URI url = URI.create("https://x.example/a");
        Article bare = new Article("x", url, url, null, null, "نص", null, null, START, null, null, -1L);
        long id = store.articles().add(bare).articleId();
        assertThat(store.articles().find(id).orElseThrow().article()).isEqualTo(bare);
    }

    @Test
    void theSameCanonicalUrlIsADuplicateThatChangesNothing() {
        AddResult first = addArticle("a", SIG);
        Article again = article("other-source", "x", ~SIG, START);
        Article sameUrl = new Article(again.sourceId(), again.url(), URI.create("https://sana.example/a"), "other-guid",
                again.title(), again.text(), null, null, START, "ar", List.of(), ~SIG);

        AddResult second = store.articles().add(sameUrl);

        assertThat(second).isEqualTo(new AddResult(first.articleId(), first.storyId(), Outcome.DUPLICATE));
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void theSameGuidFromTheSameSourceIsADuplicateButNotFromAnotherSource() {
        AddResult first = addArticle("a", SIG);
        URI moved = URI.create("https://sana.example/moved");
        Article sameGuid = new Article("sana", moved, moved, "guid-a", "t", "نص آخر", null, null, START, "ar",
                List.of(), ~SIG);
        assertThat(store.articles().add(sameGuid).outcome()).isEqualTo(Outcome.DUPLICATE);

        URI elsewhere = URI.create("https://bbc.example/a");
        Article otherSource = new Article("bbc", elsewhere, elsewhere, "guid-a", "t", "نص", null, null, START, "ar",
                List.of(), ~SIG);
        AddResult third = store.articles().add(otherSource);
        assertThat(third.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(third.storyId()).isNotEqualTo(first.storyId());
    }

    @Test
    void isKnownByUrlOrBySourceAndGuid() {
        addArticle("a", SIG);
        assertThat(store.articles().isKnown("sana", "guid-a", URI.create("https://elsewhere.example/"))).isTrue();
        assertThat(store.articles().isKnown("bbc", null, URI.create("https://sana.example/a"))).isTrue();
        assertThat(store.articles().isKnown("bbc", "guid-a", URI.create("https://bbc.example/a"))).isFalse();
        assertThat(store.articles().isKnown("sana", null, URI.create("https://sana.example/b"))).isFalse();
    }

    @Test
    void aNearDuplicateWithinTheWindowJoinsTheStory() {
        AddResult first = addArticle("a", SIG);
        clock.advance(Duration.ofHours(6));
        long threeBitsApart = SIG ^ 0b1 ^ (1L << 40) ^ (1L << 63);
        AddResult second = store.articles().add(article("bbc", "b", threeBitsApart, clock.instant()));

        assertThat(second.outcome()).isEqualTo(Outcome.JOINED_STORY);
        assertThat(second.storyId()).isEqualTo(first.storyId());
        assertThat(second.articleId()).isNotEqualTo(first.articleId());
        assertThat(store.articles().story(first.storyId())).extracting(StoredArticle::id)
                .containsExactly(first.articleId(), second.articleId());
    }

    @Test
    void aNearDuplicateInEveryQuarterIsStillFound() {
        // three bits differ, in three different 16-bit quarters: only the fourth quarter agrees
        AddResult first = addArticle("a", SIG);
        long apart = SIG ^ (1L << 3) ^ (1L << 20) ^ (1L << 37);
        assertThat(store.articles().add(article("bbc", "b", apart, clock.instant())).storyId()).isEqualTo(first.storyId());
    }

    @Test
    void fourBitsApartIsAnotherStory() {
        AddResult first = addArticle("a", SIG);
        long fourApart = SIG ^ 0b1111;
        AddResult second = store.articles().add(article("bbc", "b", fourApart, clock.instant()));
        assertThat(second.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(second.storyId()).isNotEqualTo(first.storyId());
    }

    @Test
    void aNearDuplicateOutsideTheWindowStartsANewStory() {
        AddResult first = addArticle("a", SIG);
        clock.advance(ArticleStore.DEFAULT_STORY_WINDOW.plusMinutes(1));
        AddResult later = store.articles().add(article("bbc", "b", SIG ^ 1, clock.instant()));
        assertThat(later.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(later.storyId()).isNotEqualTo(first.storyId());
    }

    @Test
    void theClosestNearDuplicateDecidesTheStoryNotTheNewest() {
        long closeSig = SIG ^ (1L << 62) ^ (1L << 61) ^ (1L << 60);
        long farSig = SIG ^ 0b11;
        AddResult close = store.articles().add(article("bbc", "b", closeSig, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        AddResult far = addArticle("a", farSig);
        assertThat(far.storyId()).as("5 bits apart: two stories").isNotEqualTo(close.storyId());

        // 2 bits from the older "close", 3 bits from the newer "far": both are near duplicates, the closer one wins
        AddResult third = store.articles().add(article("rt", "c", SIG ^ (1L << 62), clock.instant()));
        assertThat(third.storyId()).isEqualTo(close.storyId());
    }

    @Test
    void recentTextsAreTheSourcesNewestFirst() {
        for (int i = 0; i < 4; i++) {
            store.articles().add(article("sana", "p" + i, SIG + (1L << 20) * i * 31, clock.instant()));
            clock.advance(Duration.ofMinutes(1));
        }
        store.articles().add(article("bbc", "q", ~SIG, clock.instant()));

        assertThat(store.articles().recentTexts("sana", 3)).containsExactly("نص الخبر p3", "نص الخبر p2", "نص الخبر p1");
        assertThat(store.articles().recentTexts("nobody", 3)).isEmpty();
    }

    @Test
    void sinceNewestSinceAndAfterIdPage() {
        long[] ids = new long[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = store.articles().add(article("sana", "p" + i, distinct(i), clock.instant())).articleId();
            clock.advance(Duration.ofHours(1));
        }
        Instant secondFetched = START.plus(Duration.ofHours(1));

        assertThat(store.articles().since(secondFetched, 10)).extracting(StoredArticle::id)
                .containsExactly(ids[1], ids[2], ids[3]);
        assertThat(store.articles().since(secondFetched, 2)).extracting(StoredArticle::id).containsExactly(ids[1], ids[2]);
        assertThat(store.articles().newestSince(secondFetched, 10)).extracting(StoredArticle::id)
                .containsExactly(ids[3], ids[2]);
        assertThat(store.articles().afterId(ids[0], 2)).extracting(StoredArticle::id).containsExactly(ids[1], ids[2]);
        assertThat(store.articles().afterId(ids[3], 2)).isEmpty();
    }

    @Test
    void concurrentAddsOfTheSameArticleStoreItOnce() throws Exception {
        List<AddResult> results = concurrently(6, () -> addArticle("same", SIG));
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.ADDED).hasSize(1);
        assertThat(results).extracting(AddResult::articleId).containsOnly(results.get(0).articleId());
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void concurrentAddsOfDifferentArticlesAreAllStored() throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        concurrently(4, () -> {
            for (int i = 0; i < 25; i++) {
                int n = next.getAndIncrement();
                addArticle("n" + n, distinct(n));
            }
            return null;
        });
        assertThat(store.articles().count()).isEqualTo(100);
    }

    /** Signatures far apart from each other (each differs from the others in many bits). */
    private static long distinct(int i) {
        return new java.util.Random(i).nextLong();
    }
}
