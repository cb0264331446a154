package dev.mojaz.domain;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Small named values the bot keeps across restarts (such as the last Telegram update handled).
 */
public interface BotStateRepository {    Optional<String> get(String name);

    void put(String name, String value);

    /** The value as a number; empty when absent. */
    OptionalLong getLong(String name);

    void putLong(String name, long value);

    /**
     * Moves a numeric position forward to {@code value}: true when it was below (or absent), false when it already
     * was at or past it. Of several instances advancing the same position at once, exactly one moves it to a value.
     */
    boolean advanceLong(String name, long value);

    /** Removes the value; false when there was none. */
    boolean remove(String name);
}
