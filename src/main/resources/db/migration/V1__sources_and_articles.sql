-- Mojaz schema, version 1: what comes in. Shared by SQLite and PostgreSQL; ${id_column} is filled per dialect.
-- Times are epoch milliseconds (UTC) in BIGINT columns.

-- Sources added at run time (by an admin in the bot, or OPML import), beside those in the configuration file.
CREATE TABLE sources (
    id               VARCHAR(40) PRIMARY KEY,
    name             TEXT        NOT NULL,
    language         VARCHAR(16) NOT NULL,
    feed_url         TEXT,
    page_url         TEXT,
    link_selector    TEXT,
    interval_seconds BIGINT      NOT NULL,
    enabled          BOOLEAN     NOT NULL,
    added_at         BIGINT      NOT NULL,
    CHECK ((feed_url IS NULL) <> (page_url IS NULL))
);

-- What the poller remembers of every source (configured or added): conditional-GET validators and health.
-- No foreign key: configured sources have no row in "sources".
CREATE TABLE source_state (
    source_id            VARCHAR(40) PRIMARY KEY,
    etag                 TEXT,
    last_modified        TEXT,
    last_attempt_at      BIGINT,
    last_success_at      BIGINT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           TEXT,
    next_poll_at         BIGINT
);

-- A story: one event told by one or more near-duplicate articles. People get each story once.
CREATE TABLE stories (
    id         ${id_column},
    created_at BIGINT NOT NULL
);

CREATE TABLE articles (
    id            ${id_column},
    story_id      BIGINT      NOT NULL REFERENCES stories (id),
    source_id     VARCHAR(40) NOT NULL,
    url           TEXT        NOT NULL,
    canonical_url TEXT        NOT NULL UNIQUE,
    guid          TEXT,
    title         TEXT        NOT NULL,
    body          TEXT        NOT NULL,
    byline        TEXT,
    summary_json  TEXT        NOT NULL,
    published_at  BIGINT,
    fetched_at    BIGINT      NOT NULL,
    language      VARCHAR(16) NOT NULL,
    -- 64-bit SimHash of the normalised text, and its four 16-bit quarters: two signatures at most 3 bits apart agree
    -- on at least one quarter, so near-duplicate candidates are found through an index instead of a scan.
    simhash       BIGINT      NOT NULL,
    simhash_q0    INTEGER     NOT NULL,
    simhash_q1    INTEGER     NOT NULL,
    simhash_q2    INTEGER     NOT NULL,
    simhash_q3    INTEGER     NOT NULL,
    -- NULL guids never collide (both databases treat NULLs as distinct in a unique constraint).
    UNIQUE (source_id, guid)
);
CREATE INDEX articles_fetched ON articles (fetched_at);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_source_fetched ON articles (source_id, fetched_at);
CREATE INDEX articles_simhash_q0 ON articles (simhash_q0, fetched_at);
CREATE INDEX articles_simhash_q1 ON articles (simhash_q1, fetched_at);
CREATE INDEX articles_simhash_q2 ON articles (simhash_q2, fetched_at);
CREATE INDEX articles_simhash_q3 ON articles (simhash_q3, fetched_at);
