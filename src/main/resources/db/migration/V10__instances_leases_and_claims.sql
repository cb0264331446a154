-- Mojaz schema, version 10: several instances on one database (PostgreSQL). Versions 4-9 are left to other work.

-- Every running instance of the bot, as it last said: what it is and which roles it holds (the update reader, the
-- sender, the sources it polls). It writes its row every few seconds (heartbeat_at); a row that stops being written
-- is a dead instance, whose claims others take over. `status` reads this table.
CREATE TABLE instances (
    id           VARCHAR(100) PRIMARY KEY,
    host         TEXT         NOT NULL,
    pid          BIGINT       NOT NULL,
    started_at   BIGINT       NOT NULL,
    heartbeat_at BIGINT       NOT NULL,
    roles        TEXT         NOT NULL
);

-- Work that one instance at a time may do, e.g. polling one source ('source:<id>'): held by `holder` until
-- `expires_at`, renewed while the work goes on, taken over by another instance once it has expired.
CREATE TABLE leases (
    name       VARCHAR(200) PRIMARY KEY,
    holder     VARCHAR(100) NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- Which instance is sending a message (state 'sending'): when that instance dies, another puts the message back.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(100);

-- The claim walks the waiting messages in id order and stops after LIMIT rows: this index hands them over in that
-- order, so no claim sorts every due row. (outbox_due (state, next_attempt_at) stays for nextDue and the health
-- report.) The second one answers "does an earlier message of this chat still wait?" from unfinished rows only,
-- never walking a chat's sent history.
CREATE INDEX outbox_waiting ON outbox (id) WHERE state IN ('pending', 'failed');
CREATE INDEX outbox_unfinished ON outbox (chat_id, id) WHERE state IN ('pending', 'sending', 'failed');
