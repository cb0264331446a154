-- Mojaz schema, version 20: sources people add for themselves (/add), and sites admins keep out. (Versions 4-19
-- are left to work on other branches, so that two branches never claim one number.)

-- A source a person added. The source itself is a row of "sources", polled like any other and once however many
-- people added it; this row says it is a personal one. Until an admin promotes it, its articles reach only the
-- subscriptions of its owners.
CREATE TABLE personal_sources (
    source_id VARCHAR(40) PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    -- the canonical form of the URL that is polled: the same feed added twice is one source
    url_key   TEXT        NOT NULL UNIQUE,
    promoted  BOOLEAN     NOT NULL DEFAULT FALSE,
    added_by  BIGINT      NOT NULL,
    added_at  BIGINT      NOT NULL
);

-- Who owns which personal source. A chat that is forgotten loses its rows here with it.
CREATE TABLE source_owners (
    source_id VARCHAR(40) NOT NULL REFERENCES personal_sources (source_id) ON DELETE CASCADE,
    chat_id   BIGINT      NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    added_at  BIGINT      NOT NULL,
    PRIMARY KEY (source_id, chat_id)
);
CREATE INDEX source_owners_chat ON source_owners (chat_id);

-- Domains no one may add a source from (an admin's /block); a subdomain is blocked with its domain.
CREATE TABLE blocked_domains (
    domain     VARCHAR(253) PRIMARY KEY,
    blocked_by BIGINT,
    blocked_at BIGINT       NOT NULL
);
