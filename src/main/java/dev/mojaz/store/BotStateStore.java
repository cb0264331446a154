package dev.mojaz.store;

import dev.mojaz.domain.BotStateRepository;
import dev.mojaz.domain.StoreException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bot's own bookkeeping as named values: the last handled Telegram update id, the dispatcher's last article
 * id, and the like. Saving a value inside {@link Store#transaction} together with the work it records makes the two
 * one step (an update is marked handled exactly when its effects are stored).
 */
public final class BotStateStore implements BotStateRepository {
    private final Database db;
    private final Clock clock;

    public BotStateStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<String> get(String name) {
        return db.read(sql -> sql.first("SELECT value FROM bot_state WHERE name = ?", row -> row.string("value"), name));
    }

    public void put(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        db.write(sql -> sql.update("INSERT INTO bot_state (name, value, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                name, value, clock.instant()));
    }

    /** The value as a number; empty when absent. */
    public OptionalLong getLong(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            throw new StoreException("bot state '" + name + "' is not a number: " + value.get());
        }
    }

    public void putLong(String name, long value) {
        put(name, Long.toString(value));
    }

    /**
     * Moves a numeric position forward to {@code value}: true when it was below (or absent), false when it already
     * was at or past it. One statement, so of several instances advancing the same position at once exactly one
     * moves it to a given value (on PostgreSQL the others wait for its row lock, then see the new value); joined with
     * the work the position stands for, that work is done once.
     */
    @Override
    public boolean advanceLong(String name, long value) {
        Objects.requireNonNull(name, "name");
        return db.write(sql -> sql.update("INSERT INTO bot_state (name, value, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at "
                + "WHERE CAST(bot_state.value AS BIGINT) < CAST(excluded.value AS BIGINT)",
                name, Long.toString(value), clock.instant()) > 0);
    }

    /** Removes the value; false when there was none. */
    public boolean remove(String name) {
        return db.write(sql -> sql.update("DELETE FROM bot_state WHERE name = ?", name) > 0);
    }
}
