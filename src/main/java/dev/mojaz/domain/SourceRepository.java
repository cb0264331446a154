package dev.mojaz.domain;

import dev.mojaz.config.SourceConfig;
import java.util.List;
import java.util.Optional;

/**
 * Sources added at run time (by an admin in the bot, or by OPML import) are kept here, beside those in the
 * configuration file. Implemented over SQLite by the {@code store} package.
 */
public interface SourceRepository {
    /** Every stored source, enabled or not, ordered by id. */
    List<SourceConfig> all();

    Optional<SourceConfig> find(String id);

    /** Adds the source, or replaces the one with the same id. */
    void upsert(SourceConfig source);

    /** Removes it; false when there was none with that id. */
    boolean remove(String id);
}
