package dev.mojaz.domain;

import dev.mojaz.text.SimHash;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where ingested articles go, and where the dispatcher and digests read them. Implemented over SQLite by the
 * {@code store} package.
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

    /** The newest {@code limit} articles stored after {@code since}, newest first: what a digest shows. */
    List<StoredArticle> newestSince(Instant since, int limit);

    /**
     * Articles with an id above {@code afterId}, in id order: the dispatcher keeps the last id it handled (in bot
     * state) and so sees every article exactly once, even two stored in the same millisecond.
     */
    List<StoredArticle> afterId(long afterId, int limit);

    Optional<StoredArticle> find(long id);

    /** The articles of one story, oldest first. */
    List<StoredArticle> story(long storyId);

    /** How many articles are stored. */
    long count();

    /** An article with the ids the store gave it. */
    record StoredArticle(long id, long storyId, Article article) {
    }
}
