package dev.mojaz.domain;

import dev.mojaz.ingest.dedupe.SimHash;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Where ingested articles go. Implemented over SQLite by the {@code store} package; tests may use an in-memory one.
 */
public interface ArticleRepository {

    /** What {@link #add} did. */
    enum Outcome {
        /** A new article, starting a new story. */
        ADDED,
        /** A new article that tells a story already stored (near-duplicate text): it joins that story. */
        JOINED_STORY,
        /** Already stored (same canonical URL, or same guid from the same source): nothing changed. */
        DUPLICATE
    }

    /** The result of {@link #add}: the stored article's id and story id (those of the existing one for a duplicate). */
    record AddResult(long articleId, long storyId, Outcome outcome) {
    }

    /**
     * Stores {@code article} in one transaction unless it is a duplicate. A near-duplicate of an article stored since
     * {@code article.fetched() - window} (by {@link SimHash} distance) joins that article's story.
     */
    AddResult add(Article article);

    /** Whether an article with this canonical URL, or this guid from this source, is already stored. */
    boolean isKnown(String sourceId, String guid, URI canonicalUrl);

    /** The texts of the most recent articles of one source, newest first, for learning its repeated boilerplate. */
    List<String> recentTexts(String sourceId, int limit);

    /** Articles of any source stored since {@code since}, oldest first. */
    List<StoredArticle> since(Instant since, int limit);

    /** An article with the ids the store gave it. */
    record StoredArticle(long id, long storyId, Article article) {
    }
}
