package dev.mojaz.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository;
import dev.mojaz.domain.StoreException;
import dev.mojaz.text.SimHash;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Articles and their stories. {@link #add} stores an article unless it is already known (same canonical URL, or
 * same guid from the same source), and puts it in the story of a near-duplicate stored within the story window.
 */
public final class ArticleStore implements ArticleRepository {
    /** How far back {@link #add} looks for a near-duplicate to join: a story older than this starts afresh. */
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofDays(2);

    // Four 16-bit quarters: signatures within SimHash.MAX_DISTANCE bits agree on at least one quarter as long as
    // MAX_DISTANCE < 4 (pigeonhole), so candidates come from the quarter indexes. Otherwise every article in the
    // window is a candidate (correct, only slower).
    private static final int QUARTERS = 4;
    private static final boolean QUARTERS_FIND_ALL = SimHash.MAX_DISTANCE < QUARTERS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> SENTENCES = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, story_id, source_id, url, canonical_url, guid, title, body, byline, "
            + "summary_json, published_at, fetched_at, language, simhash";

    private final Database db;
    private final Duration storyWindow;

    public ArticleStore(Database db) {
        this(db, DEFAULT_STORY_WINDOW);
    }

    public ArticleStore(Database db, Duration storyWindow) {
        this.db = Objects.requireNonNull(db, "db");
        this.storyWindow = Objects.requireNonNull(storyWindow, "storyWindow");
    }

    @Override
    public AddResult add(Article article) {
        Objects.requireNonNull(article, "article");
        return db.write(sql -> {
            // One article at a time, whichever instance stores it: the known-article and near-duplicate checks below
            // see every article stored before, and ids commit in the order they are given out, so the alert
            // dispatcher, which walks articles by id, never passes one that commits late.
            db.dialect().serialize(sql, "articles");
            Optional<AddResult> known = findKnown(sql, article.sourceId(), article.guid(), article.canonicalUrl());
            if (known.isPresent()) {
                return known.get();
            }
            Optional<Long> story = nearDuplicateStory(sql, article);
            long storyId = story.isPresent()
                    ? story.get()
                    : sql.insert("INSERT INTO stories (created_at) VALUES (?) RETURNING id", article.fetched());
            long sig = article.signature();
            long id = sql.insert("INSERT INTO articles (story_id, source_id, url, canonical_url, guid, title, body, "
                            + "byline, summary_json, published_at, fetched_at, language, simhash, "
                            + "simhash_q0, simhash_q1, simhash_q2, simhash_q3) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    storyId, article.sourceId(), article.url().toString(), article.canonicalUrl().toString(),
                    article.guid(), article.title(), article.text(), article.byline(), toJson(article.summary()),
                    article.published(), article.fetched(), article.language(), sig,
                    quarter(sig, 0), quarter(sig, 1), quarter(sig, 2), quarter(sig, 3));
            return new AddResult(id, storyId, story.isPresent() ? Outcome.JOINED_STORY : Outcome.ADDED);
        });
    }

    @Override
    public boolean isKnown(String sourceId, String guid, URI canonicalUrl) {
        return db.read(sql -> findKnown(sql, sourceId, guid, canonicalUrl).isPresent());
    }

    @Override
    public List<String> recentTexts(String sourceId, int limit) {
        return db.read(sql -> sql.list("SELECT body FROM articles WHERE source_id = ? "
                + "ORDER BY fetched_at DESC, id DESC LIMIT ?", row -> row.string("body"), sourceId, limit));
    }

    /** Articles stored (fetched) at or after {@code since}, oldest first. */
    @Override
    public List<StoredArticle> since(Instant since, int limit) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM articles WHERE fetched_at >= ? "
                + "ORDER BY fetched_at, id LIMIT ?", ArticleStore::stored, since, limit));
    }

    /** The newest {@code limit} articles stored after {@code since}, newest first: what a digest shows. */
    public List<StoredArticle> newestSince(Instant since, int limit) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM articles WHERE fetched_at > ? "
                + "ORDER BY fetched_at DESC, id DESC LIMIT ?", ArticleStore::stored, since, limit));
    }

    /**
     * Articles with an id above {@code afterId}, in id order: the dispatcher keeps the last id it handled (in bot
     * state) and so sees every article exactly once, even two stored in the same millisecond.
     */
    public List<StoredArticle> afterId(long afterId, int limit) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                ArticleStore::stored, afterId, limit));
    }

    public Optional<StoredArticle> find(long id) {
        return db.read(sql -> sql.first("SELECT " + COLUMNS + " FROM articles WHERE id = ?", ArticleStore::stored, id));
    }

    /** The articles of one story, oldest first. */
    public List<StoredArticle> story(long storyId) {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM articles WHERE story_id = ? ORDER BY id",
                ArticleStore::stored, storyId));
    }

    public long count() {
        return db.read(sql -> sql.number("SELECT COUNT(*) FROM articles"));
    }

    private static Optional<AddResult> findKnown(Sql sql, String sourceId, String guid, URI canonicalUrl)
            throws SQLException {
        Sql.RowMapper<AddResult> duplicate =
                row -> new AddResult(row.longValue("id"), row.longValue("story_id"), Outcome.DUPLICATE);
        if (guid == null) {
            return sql.first("SELECT id, story_id FROM articles WHERE canonical_url = ?", duplicate,
                    canonicalUrl.toString());
        }
        return sql.first("SELECT id, story_id FROM articles WHERE canonical_url = ? OR (source_id = ? AND guid = ?) "
                + "ORDER BY id LIMIT 1", duplicate, canonicalUrl.toString(), sourceId, guid);
    }

    /** The story of the closest near-duplicate stored within the window (the newest among equals), if any. */
    private Optional<Long> nearDuplicateStory(Sql sql, Article article) throws SQLException {
        long sig = article.signature();
        Instant from = article.fetched().minus(storyWindow);
        record Candidate(long storyId, long signature, Instant fetched, long id) {
        }
        Sql.RowMapper<Candidate> candidate = row -> new Candidate(row.longValue("story_id"), row.longValue("simhash"),
                row.instant("fetched_at"), row.longValue("id"));
        List<Candidate> candidates = QUARTERS_FIND_ALL
                ? sql.list("SELECT id, story_id, simhash, fetched_at FROM articles WHERE fetched_at >= ? AND "
                        + "(simhash_q0 = ? OR simhash_q1 = ? OR simhash_q2 = ? OR simhash_q3 = ?)", candidate,
                        from, quarter(sig, 0), quarter(sig, 1), quarter(sig, 2), quarter(sig, 3))
                : sql.list("SELECT id, story_id, simhash, fetched_at FROM articles WHERE fetched_at >= ?", candidate,
                        from);
        return candidates.stream()
                .filter(c -> SimHash.isNearDuplicate(c.signature(), sig))
                .min(Comparator.comparingInt((Candidate c) -> SimHash.distance(c.signature(), sig))
                        .thenComparing(Comparator.comparingLong(Candidate::id).reversed()))
                .map(Candidate::storyId);
    }

    static int quarter(long signature, int index) {
        return (int) ((signature >>> (16 * index)) & 0xFFFF);
    }

    private static StoredArticle stored(Row row) throws SQLException {
        Article article = new Article(
                row.string("source_id"),
                URI.create(row.string("url")),
                URI.create(row.string("canonical_url")),
                row.string("guid"),
                row.string("title"),
                row.string("body"),
                row.string("byline"),
                row.instant("published_at"),
                row.instant("fetched_at"),
                row.string("language"),
                fromJson(row.string("summary_json")),
                row.longValue("simhash"));
        return new StoredArticle(row.longValue("id"), row.longValue("story_id"), article);
    }

    private static String toJson(List<String> sentences) {
        try {
            return JSON.writeValueAsString(sentences);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode a summary: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, SENTENCES);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored summary is not a JSON list of sentences: " + e.getOriginalMessage(), e);
        }
    }
}
