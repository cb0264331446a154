-- Mojaz schema, version 20.1, PostgreSQL only: changes to people's own sources (version 20) are chat changes too.
-- Each instance keeps in memory which sources reach only their owners; a row in chat_changes (for the chat that
-- added the source, or the owner added or removed) tells the other instances to read that again. (20.1: right after
-- the version that made these tables, with a number no branch gives to a shared script.)

CREATE FUNCTION mojaz_personal_source_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'personal_sources' THEN
        INSERT INTO chat_changes (chat_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.added_by ELSE NEW.added_by END);
    ELSE
        INSERT INTO chat_changes (chat_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.chat_id ELSE NEW.chat_id END);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER personal_sources_changed AFTER INSERT OR UPDATE OR DELETE ON personal_sources
    FOR EACH ROW EXECUTE FUNCTION mojaz_personal_source_changed();
CREATE TRIGGER source_owners_changed AFTER INSERT OR UPDATE OR DELETE ON source_owners
    FOR EACH ROW EXECUTE FUNCTION mojaz_personal_source_changed();
