-- Mojaz schema, version 3: updates of different chats handled at the same time, and link summaries made in the
-- background.

-- Telegram updates whose turn has committed. Updates of different chats are handled concurrently, so a later update
-- can commit before an earlier one: bot_state's telegram.last-update-id says "every update up to here is handled",
-- and this table names the ones handled above it. Together they tell exactly which updates a restart must skip.
-- Rows at or below telegram.last-update-id are deleted when it advances.
CREATE TABLE handled_updates (
    update_id  BIGINT PRIMARY KEY,
    handled_at BIGINT NOT NULL
);

-- Links people asked to have summarised: stored with the "working on it" reply, removed with the summary (or the
-- word on why there is none), so that what was promised before a restart is kept after it.
CREATE TABLE summary_requests (
    id           ${id_column},
    chat_id      BIGINT      NOT NULL,
    url          TEXT        NOT NULL,
    language     VARCHAR(16) NOT NULL,
    -- how many times making it was begun: a page that brought the process down is not tried for ever
    attempts     INTEGER     NOT NULL DEFAULT 0,
    requested_at BIGINT      NOT NULL
);
