-- Mojaz schema, version 2: the people side. Chats, what they follow, what they were sent, what waits to be sent.

-- A Telegram chat (a person's private chat, a group, a supergroup or a channel). Ids are Telegram's 64-bit ids.
CREATE TABLE chats (
    id                BIGINT      PRIMARY KEY,
    kind              VARCHAR(16) NOT NULL CHECK (kind IN ('private', 'group', 'supergroup', 'channel')),
    title             TEXT,
    language          VARCHAR(16) NOT NULL,
    time_zone         VARCHAR(64) NOT NULL,
    -- hours of the day (0-23, the chat's time zone) when a digest is due, comma-separated; '' for none
    digest_hours      VARCHAR(100) NOT NULL,
    -- alerts are held from quiet_start to quiet_end (hours, the chat's time zone); both NULL for none
    quiet_start       SMALLINT,
    quiet_end         SMALLINT,
    summary_sentences SMALLINT    NOT NULL,
    alerts            BOOLEAN     NOT NULL,
    link_previews     BOOLEAN     NOT NULL,
    -- paused by the person (/stop); inactive when Telegram refuses delivery (blocked, kicked, chat not found)
    paused            BOOLEAN     NOT NULL DEFAULT FALSE,
    active            BOOLEAN     NOT NULL DEFAULT TRUE,
    inactive_reason   TEXT,
    created_at        BIGINT      NOT NULL,
    updated_at        BIGINT      NOT NULL,
    -- when the last digest was cut: the next one covers articles stored after this
    last_digest_at    BIGINT
);

-- A stored query (parsed and matched by dev.mojaz.match), optionally restricted to one source.
CREATE TABLE subscriptions (
    id         ${id_column},
    chat_id    BIGINT      NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    query      TEXT        NOT NULL,
    source_id  VARCHAR(40),
    created_at BIGINT      NOT NULL
);
CREATE INDEX subscriptions_chat ON subscriptions (chat_id);

-- Which chat was sent which story: the primary key is what makes "never twice" hold.
CREATE TABLE deliveries (
    chat_id      BIGINT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    story_id     BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id   BIGINT REFERENCES articles (id) ON DELETE SET NULL,
    delivered_at BIGINT NOT NULL,
    PRIMARY KEY (chat_id, story_id)
);
-- Foreign-key actions look up the child rows: without these, deleting a story or an article scans all deliveries.
CREATE INDEX deliveries_story ON deliveries (story_id);
CREATE INDEX deliveries_article ON deliveries (article_id);

-- Messages waiting to be sent, in order per chat. No foreign key to chats: a message may outlive its chat's row
-- (the goodbye after /forget).
CREATE TABLE outbox (
    id              ${id_column},
    chat_id         BIGINT     NOT NULL,
    body            TEXT       NOT NULL,
    html            BOOLEAN    NOT NULL,
    reply_markup    TEXT,
    disable_preview BOOLEAN    NOT NULL,
    state           VARCHAR(8) NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dead')),
    attempts        INTEGER    NOT NULL DEFAULT 0,
    next_attempt_at BIGINT     NOT NULL,
    last_error      TEXT,
    sent_message_id BIGINT,
    created_at      BIGINT     NOT NULL,
    updated_at      BIGINT     NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_chat ON outbox (chat_id, id);

-- The bot's own bookkeeping: the last handled update id, the dispatcher's position, and the like.
CREATE TABLE bot_state (
    name       VARCHAR(100) PRIMARY KEY,
    value      TEXT         NOT NULL,
    updated_at BIGINT       NOT NULL
);
