package dev.mojaz.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outbox claim is served by an index in id order on both databases: its plan never sorts the due rows (the cost
 * of a claim stays flat as the backlog grows; the claim benchmark measures it). 20,000 waiting messages in 2,000
 * chats, statistics gathered, then the plan the database chooses is read.
 */
@Tag("fast")
class ClaimPlanTest extends StoreTestBase {
    private static final int MESSAGES = 20_000;

    @Test
    void theClaimReadsTheWaitingMessagesInIdOrderWithoutSortingThem() {
        fill();
        String sql = DeliveryStore.claimQuery(dialect);
        List<String> plan = store.database().read(s -> s.list(
                (dialect == Dialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql,
                row -> row.string(dialect == Dialect.SQLITE ? "detail" : "QUERY PLAN"),
                START.toEpochMilli(), START.toEpochMilli(), 100));
        String text = String.join("\n", plan);
        if (dialect == Dialect.SQLITE) {
            assertThat(text).as(text).doesNotContain("TEMP B-TREE").contains("outbox_waiting")
                    .contains("outbox_unfinished");
        } else {
            assertThat(text).as(text).doesNotContain("Sort").contains("outbox_waiting").contains("outbox_unfinished");
        }
        assertThat(store.deliveries().claimDue(100)).hasSize(100);
    }

    /** 20,000 pending messages, ten per chat, and as many sent ones, then statistics for the planner. */
    private void fill() {
        store.database().write(sql -> {
            String numbers = dialect == Dialect.SQLITE
                    ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + 2 * MESSAGES + ") "
                    : "WITH n(i) AS (SELECT generate_series(1, " + 2 * MESSAGES + ")) ";
            return sql.update("INSERT INTO outbox (chat_id, body, html, disable_preview, state, attempts, "
                    + "next_attempt_at, created_at, updated_at) " + numbers + "SELECT i % 2000, 'm', FALSE, FALSE, "
                    + "CASE WHEN i <= " + MESSAGES + " THEN 'sent' ELSE 'pending' END, 0, ?, ?, ? FROM n",
                    START, START, START);
        });
        store.database().write(sql -> sql.update("ANALYZE"));
    }
}
