-- Mojaz schema, version 11, PostgreSQL only: which chats' subscriptions changed, so that every instance keeps its
-- in-memory matcher equal to the database (an instance learns of the /subscribe another instance handled from
-- here). Triggers write it, so no change is missed whatever code path makes it. SQLite has one process, which
-- changes its matcher itself, and has no such table.

CREATE TABLE chat_changes (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chat_id    BIGINT NOT NULL,
    -- the writing transaction: a reader asks for rows of transactions not yet finished at its last read, so a row
    -- that commits late is never passed over (ids alone would not say that: they are given out before commit)
    tx         xid8   NOT NULL DEFAULT pg_current_xact_id(),
    changed_at BIGINT NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT
);
CREATE INDEX chat_changes_tx ON chat_changes (tx);
CREATE INDEX chat_changes_changed ON chat_changes (changed_at);

CREATE FUNCTION mojaz_subscription_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO chat_changes (chat_id) VALUES (OLD.chat_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.chat_id <> OLD.chat_id) THEN
        INSERT INTO chat_changes (chat_id) VALUES (NEW.chat_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER subscriptions_changed AFTER INSERT OR UPDATE OR DELETE ON subscriptions
    FOR EACH ROW EXECUTE FUNCTION mojaz_subscription_changed();

-- A chat's subscriptions are matched only while it receives (active and not paused).
CREATE FUNCTION mojaz_chat_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO chat_changes (chat_id) VALUES (OLD.id);
    ELSIF NEW.active IS DISTINCT FROM OLD.active OR NEW.paused IS DISTINCT FROM OLD.paused THEN
        INSERT INTO chat_changes (chat_id) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER chats_changed AFTER UPDATE OR DELETE ON chats
    FOR EACH ROW EXECUTE FUNCTION mojaz_chat_changed();
