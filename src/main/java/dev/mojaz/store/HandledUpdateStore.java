package dev.mojaz.store;

import dev.mojaz.domain.HandledUpdateRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * The Telegram updates whose turn has committed, above the low-water mark kept in bot state ("every update up to
 * here is handled"). Recording an update inside the transaction of its turn makes "its effects are stored" and "it
 * is marked handled" one step, even when updates of other chats commit out of order around it.
 */
public final class HandledUpdateStore implements HandledUpdateRepository {
    private final Database db;
    private final Clock clock;

    public HandledUpdateStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records {@code updateId} as handled; joins the caller's transaction. False when it was recorded already. */
    public boolean record(long updateId) {
        return db.write(sql -> sql.update("INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) "
                + "ON CONFLICT (update_id) DO NOTHING", updateId, clock.instant()) > 0);
    }

    /** Whether {@code updateId} is recorded (it may also be handled by being at or below the low-water mark). */
    public boolean contains(long updateId) {
        return db.read(sql -> sql.number("SELECT COUNT(*) FROM handled_updates WHERE update_id = ?", updateId) > 0);
    }

    /** Forgets every update up to {@code updateId}, once the low-water mark covers them; returns how many. */
    public int forgetThrough(long updateId) {
        return db.write(sql -> sql.update("DELETE FROM handled_updates WHERE update_id <= ?", updateId));
    }
}
