package dev.mojaz.bench.store;

import dev.mojaz.config.StoreConfig;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.store.SqlStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What one outbox claim costs as the backlog grows: {@code pending} messages waiting (three per chat, the chats'
 * messages far apart in id order, as a digest hour leaves them), then {@code claims} claims of {@code limit} messages
 * each, the claimed ones marked sent between claims as the sender does (not timed). The claim is the product's
 * ({@code OutboxRepository.claimDue}, its transaction and commit included); the baseline, in the same run on the
 * same rows, is the claim as it was before schema version 10: the old query and one update per message, with the
 * outbox_waiting and outbox_unfinished indexes dropped inside a transaction that is rolled back (both databases roll
 * DDL back; its commit is therefore not timed, which favours the baseline).
 */
public final class ClaimBenchmark {
    /** The claim before schema version 10, as it was written. */
    static final String OLD_CLAIM = "SELECT id FROM outbox o "
            + "WHERE o.state IN ('pending', 'failed') AND o.next_attempt_at <= ? AND NOT EXISTS ("
            + "SELECT 1 FROM outbox p WHERE p.chat_id = o.chat_id AND p.id < o.id AND ("
            + "p.state IN ('sending', 'failed') OR (p.state = 'pending' AND p.next_attempt_at <= ?))) "
            + "ORDER BY o.id LIMIT ?";

    /** What to measure. */
    public record Options(List<Integer> sizes, int claims, int limit) {
        public Options {
            sizes = List.copyOf(sizes);
        }
    }

    /** One database and backlog: median milliseconds per claim, now and before. */
    public record Result(String database, int pending, double claimMillis, double oldClaimMillis) {
    }

    /** A database to measure on: its JDBC URL and properties, and how to open the product's store on it. */
    public record Target(String name, String url, Properties properties, StoreConfig config, Path directory) {
    }

    private ClaimBenchmark() {
    }

    /** Measures every size on {@code target}, saying what it is doing to {@code progress}. */
    public static List<Result> run(Target target, Options options, Consumer<String> progress) throws SQLException {
        List<Result> results = new ArrayList<>();
        Instant now = Instant.now();
        try (SqlStorage storage = SqlStorage.open(target.config(), target.directory(), Clock.systemUTC());
             Connection jdbc = DriverManager.getConnection(target.url(), target.properties())) {
            boolean postgres = target.url().startsWith("jdbc:postgresql:");
            for (int pending : options.sizes()) {
                progress.accept(target.name() + ": filling the outbox with " + pending + " waiting messages");
                fill(jdbc, postgres, pending, now);
                progress.accept(target.name() + ": " + options.claims() + " claims of " + options.limit());
                double claim = median(timeClaims(storage, options));
                double old = median(timeOldClaims(jdbc, postgres, options, now));
                results.add(new Result(target.name(), pending, claim, old));
            }
            clear(jdbc);
        }
        return results;
    }

    /** {@code pending} messages for pending / 3 chats, then statistics for the planner. */
    private static void fill(Connection jdbc, boolean postgres, int pending, Instant at) throws SQLException {
        clear(jdbc);
        int chats = Math.max(1, pending / 3);
        String numbers = postgres ? "WITH n(i) AS (SELECT generate_series(1, " + pending + ")) "
                : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + pending + ") ";
        try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO outbox (chat_id, body, html, "
                + "disable_preview, state, attempts, next_attempt_at, created_at, updated_at) " + numbers
                + "SELECT 1000000 + i % " + chats + ", 'message', FALSE, FALSE, 'pending', 0, ?, ?, ? FROM n")) {
            long millis = at.toEpochMilli() - 60_000;
            insert.setLong(1, millis);
            insert.setLong(2, millis);
            insert.setLong(3, millis);
            insert.executeUpdate();
        }
        if (postgres) {
            // PostgreSQL's autovacuum gathers statistics after a bulk insert like this one; SQLite never does, and
            // Mojaz does not run ANALYZE, so the SQLite planner is measured as it works in production: without them.
            try (Statement s = jdbc.createStatement()) {
                s.execute("VACUUM ANALYZE outbox");
            }
        }
    }

    private static void clear(Connection jdbc) throws SQLException {
        try (Statement s = jdbc.createStatement()) {
            s.execute("DELETE FROM outbox");
        }
    }

    private static long[] timeClaims(SqlStorage storage, Options options) {
        long[] nanos = new long[options.claims()];
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            List<OutboxMessage> claimed = storage.deliveries().claimDue(options.limit());
            nanos[i] = System.nanoTime() - started;
            if (claimed.size() != options.limit()) {
                throw new IllegalStateException("claim " + i + " took " + claimed.size() + " messages, not "
                        + options.limit() + ": too few waiting for this many claims");
            }
            storage.transaction(() -> claimed.forEach(m -> storage.deliveries().markSent(m.id(), 1L)));
        }
        return nanos;
    }

    /** The old query on the same rows, without the indexes that serve the new one (dropped, then rolled back). */
    private static long[] timeOldClaims(Connection jdbc, boolean postgres, Options options, Instant now)
            throws SQLException {
        long[] nanos = new long[options.claims()];
        jdbc.setAutoCommit(false);
        try {
            try (Statement s = jdbc.createStatement()) {
                s.execute("DROP INDEX outbox_waiting");
                s.execute("DROP INDEX outbox_unfinished");
            }
            try (PreparedStatement claim = jdbc.prepareStatement(OLD_CLAIM);
                 PreparedStatement take = jdbc.prepareStatement("UPDATE outbox SET state = 'sending', "
                         + "attempts = attempts + 1, updated_at = ? WHERE id = ?");
                 PreparedStatement mark = jdbc.prepareStatement("UPDATE outbox SET state = 'sent' WHERE id = ?")) {
                for (int i = 0; i < nanos.length; i++) {
                    claim.setLong(1, now.toEpochMilli());
                    claim.setLong(2, now.toEpochMilli());
                    claim.setInt(3, options.limit());
                    List<Long> ids = new ArrayList<>();
                    long started = System.nanoTime();
                    try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    for (long id : ids) { // as the old claim did: one update per message
                        take.setLong(1, now.toEpochMilli());
                        take.setLong(2, id);
                        take.executeUpdate();
                    }
                    nanos[i] = System.nanoTime() - started;
                    for (long id : ids) {
                        mark.setLong(1, id);
                        mark.executeUpdate();
                    }
                }
            }
        } finally {
            jdbc.rollback();
            jdbc.setAutoCommit(true);
        }
        return nanos;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** The report: one line per database and size. */
    public static List<String> lines(List<Result> results) {
        Objects.requireNonNull(results, "results");
        List<String> lines = new ArrayList<>();
        for (Result r : results) {
            lines.add(String.format(java.util.Locale.ROOT,
                    "%-10s %,9d pending: claim %8.2f ms (before: %9.2f ms, %.1fx)", r.database(), r.pending(),
                    r.claimMillis(), r.oldClaimMillis(), r.oldClaimMillis() / Math.max(r.claimMillis(), 1e-3)));
        }
        return lines;
    }
}
