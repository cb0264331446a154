package dev.mojaz.store;

import dev.mojaz.domain.Storage.Pruned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Forgets old things: articles stored more than {@code store.retention-days} ago, with their stories once no article
 * of the story is left, and those stories' deliveries; and outbox messages finished (sent or dead) more than {@link
 * #FINISHED_MESSAGES_KEPT} ago; and handled Telegram update ids older than {@link #HANDLED_UPDATES_KEPT}.
 *
 * <p>Work is done in batches of {@code batchSize} rows, each its own short transaction. The write lock is fair, so
 * the bot's writes waiting meanwhile go between two batches: pruning a month of articles never holds them up for
 * more than one batch.
 */
public final class Retention {
    /** Rows per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Sent and dead messages are kept this long, to look into what was sent or why it failed. */
    public static final Duration FINISHED_MESSAGES_KEPT = Duration.ofDays(3);
    /**
     * Handled Telegram update ids above the low-water mark are kept this long. Long polling forgets them as the mark
     * passes; webhook mode has no mark, and Telegram gives up redelivering an update after 24 hours.
     */
    public static final Duration HANDLED_UPDATES_KEPT = Duration.ofDays(2);

    private static final Pruned NOTHING = new Pruned(0, 0, 0, 0, 0, 0);

    /** How long dead instances, expired leases and read chat changes are kept. */
    static final Duration INSTANCE_BOOKKEEPING_KEPT = Duration.ofDays(1);
    private final Database db;
    private final Clock clock;
    private final Duration articlesKept;
    private final int batchSize;

    public Retention(Database db, Clock clock, int retentionDays) {
        this(db, clock, Duration.ofDays(retentionDays), DEFAULT_BATCH_SIZE);
    }

    public Retention(Database db, Clock clock, Duration articlesKept, int batchSize) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.articlesKept = Objects.requireNonNull(articlesKept, "articlesKept");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    /** Prunes everything that is due, batch by batch. Must not be called inside a transaction (it would be one). */
    public Pruned prune() {
        if (db.inTransaction()) {
            throw new IllegalStateException("prune runs its own short transactions; call it outside a transaction");
        }
        Instant now = clock.instant();
        Instant articleCutoff = now.minus(articlesKept);
        Instant messageCutoff = now.minus(FINISHED_MESSAGES_KEPT);
        Pruned total = NOTHING;
        Pruned batch;
        do {
            batch = articleBatch(articleCutoff);
            total = total.plus(batch);
        } while (batch.articles() == batchSize);
        do {
            batch = messageBatch(messageCutoff);
            total = total.plus(batch);
        } while (batch.messages() == batchSize);
        Instant updateCutoff = now.minus(HANDLED_UPDATES_KEPT);
        do {
            batch = updateBatch(updateCutoff);
            total = total.plus(batch);
        } while (batch.updates() == batchSize);
        pruneInstanceBookkeeping(now.minus(INSTANCE_BOOKKEEPING_KEPT));
        return total;
    }

    /**
     * Instances silent for a day (dead ones), leases long expired and, on PostgreSQL, chat changes every instance
     * has long read: a few rows, in one short transaction.
     */
    private void pruneInstanceBookkeeping(Instant cutoff) {
        db.write(sql -> {
            sql.update("DELETE FROM instances WHERE heartbeat_at < ?", cutoff);
            sql.update("DELETE FROM leases WHERE expires_at < ?", cutoff);
            if (db.dialect() == Dialect.POSTGRESQL) {
                sql.update("DELETE FROM chat_changes WHERE changed_at < ?", cutoff);
            }
            return null;
        });
    }

    private Pruned articleBatch(Instant cutoff) {
        return db.write(sql -> {
            record Old(long id, long storyId) {
            }
            List<Old> old = sql.list("SELECT id, story_id FROM articles WHERE fetched_at < ? ORDER BY id LIMIT ?",
                    row -> new Old(row.longValue("id"), row.longValue("story_id")), cutoff, batchSize);
            if (old.isEmpty()) {
                return NOTHING;
            }
            List<Long> ids = old.stream().map(Old::id).toList();
            List<Long> storyIds = old.stream().map(Old::storyId).distinct().toList();
            // Deliveries that named one of these articles keep their row (the story may live on) with article_id
            // set to NULL by the foreign key.
            int articles = sql.update("DELETE FROM articles WHERE id IN (" + Sql.placeholders(ids.size()) + ")",
                    Sql.params(ids));
            List<Long> emptyStories = sql.list("SELECT id FROM stories WHERE id IN ("
                    + Sql.placeholders(storyIds.size()) + ") AND NOT EXISTS "
                    + "(SELECT 1 FROM articles a WHERE a.story_id = stories.id)", row -> row.longValue("id"),
                    Sql.params(storyIds));
            int deliveries = 0;
            int stories = 0;
            if (!emptyStories.isEmpty()) {
                String in = Sql.placeholders(emptyStories.size());
                deliveries = sql.update("DELETE FROM deliveries WHERE story_id IN (" + in + ")", Sql.params(emptyStories));
                stories = sql.update("DELETE FROM stories WHERE id IN (" + in + ")", Sql.params(emptyStories));
            }
            return new Pruned(articles, stories, deliveries, 0, 0, 1);
        });
    }

    private Pruned messageBatch(Instant cutoff) {
        return db.write(sql -> {
            int messages = sql.update("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
                    + "WHERE state IN ('sent', 'dead') AND updated_at < ? ORDER BY id LIMIT ?)", cutoff, batchSize);
            return new Pruned(0, 0, 0, messages, 0, messages == 0 ? 0 : 1);
        });
    }

    private Pruned updateBatch(Instant cutoff) {
        return db.write(sql -> {
            int updates = sql.update("DELETE FROM handled_updates WHERE update_id IN (SELECT update_id FROM "
                    + "handled_updates WHERE handled_at < ? ORDER BY update_id LIMIT ?)", cutoff, batchSize);
            return new Pruned(0, 0, 0, 0, updates, updates == 0 ? 0 : 1);
        });
    }
}
