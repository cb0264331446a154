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

    /** Removes the value; false when there was none. */
    boolean remove(String name);
}
