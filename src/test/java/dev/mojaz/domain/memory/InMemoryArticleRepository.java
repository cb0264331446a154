package dev.mojaz.domain.memory;

import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository;
import dev.mojaz.text.SimHash;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Articles in a list, with the store's dedupe rules: same canonical URL, or same guid from the same source, is a
 * duplicate; a text within {@link SimHash#MAX_DISTANCE} of an article stored in the last {@code window} joins its
 * story. Thread-safe (one lock: fine for tests and a single command run).
 */
public final class InMemoryArticleRepository implements ArticleRepository {
    private final Duration window;
    private final List<StoredArticle> stored = new ArrayList<>();
    private final Map<URI, StoredArticle> byCanonicalUrl = new HashMap<>();
    private final Map<String, StoredArticle> byGuid = new HashMap<>();
    private long nextArticleId = 1;
    private long nextStoryId = 1;

    /** @param window how far back a near-duplicate may be to join its story */
    public InMemoryArticleRepository(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    /** With a three-day window. */
    public InMemoryArticleRepository() {
        this(Duration.ofDays(3));
    }

    @Override
    public synchronized AddResult add(Article article) {
        StoredArticle existing = byCanonicalUrl.get(article.canonicalUrl());
        if (existing == null && article.guid() != null) {
            existing = byGuid.get(guidKey(article.sourceId(), article.guid()));
        }
        if (existing != null) {
            return new AddResult(existing.id(), existing.storyId(), Outcome.DUPLICATE);
        }
        Instant since = article.fetched().minus(window);
        StoredArticle story = null;
        for (int i = stored.size() - 1; i >= 0 && story == null; i--) {
            StoredArticle candidate = stored.get(i);
            if (!candidate.article().fetched().isBefore(since)
                    && SimHash.isNearDuplicate(candidate.article().signature(), article.signature())) {
                story = candidate;
            }
        }
        long storyId = story != null ? story.storyId() : nextStoryId++;
        StoredArticle added = new StoredArticle(nextArticleId++, storyId, article);
        stored.add(added);
        byCanonicalUrl.put(article.canonicalUrl(), added);
        if (article.guid() != null) {
            byGuid.put(guidKey(article.sourceId(), article.guid()), added);
        }
        return new AddResult(added.id(), storyId, story != null ? Outcome.JOINED_STORY : Outcome.ADDED);
    }

    @Override
    public synchronized boolean isKnown(String sourceId, String guid, URI canonicalUrl) {
        return byCanonicalUrl.containsKey(canonicalUrl) || guid != null && byGuid.containsKey(guidKey(sourceId, guid));
    }

    @Override
    public synchronized List<String> recentTexts(String sourceId, int limit) {
        List<String> texts = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0 && texts.size() < limit; i--) {
            if (stored.get(i).article().sourceId().equals(sourceId)) {
                texts.add(stored.get(i).article().text());
            }
        }
        return texts;
    }

    @Override
    public synchronized List<StoredArticle> since(Instant since, int limit) {
        return stored.stream().filter(a -> !a.article().fetched().isBefore(since))
                .sorted(Comparator.comparing((StoredArticle a) -> a.article().fetched()).thenComparing(StoredArticle::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<StoredArticle> newestSince(Instant since, int limit) {
        return stored.stream().filter(a -> a.article().fetched().isAfter(since))
                .sorted(Comparator.comparing((StoredArticle a) -> a.article().fetched()).thenComparing(StoredArticle::id)
                        .reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized List<StoredArticle> afterId(long afterId, int limit) {
        return stored.stream().filter(a -> a.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized Optional<StoredArticle> find(long id) {
        return stored.stream().filter(a -> a.id() == id).findFirst();
    }

    @Override
    public synchronized List<StoredArticle> story(long storyId) {
        return stored.stream().filter(a -> a.storyId() == storyId).toList();
    }

    @Override
    public synchronized long count() {
        return stored.size();
    }

    /** Everything stored, in the order it was added. */
    public synchronized List<StoredArticle> all() {
        return List.copyOf(stored);
    }

    private static String guidKey(String sourceId, String guid) {
        return sourceId + "\u0000" + guid;
    }
}
