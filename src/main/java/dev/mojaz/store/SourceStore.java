package dev.mojaz.store;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceRepository;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Sources added at run time (by an admin, or by OPML import), kept beside those of the configuration file. */
public final class SourceStore implements SourceRepository {
    private static final String COLUMNS = "id, name, language, feed_url, page_url, link_selector, interval_seconds, enabled";

    private final Database db;
    private final Clock clock;

    public SourceStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<SourceConfig> all() {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM sources ORDER BY id", SourceStore::source));
    }

    @Override
    public Optional<SourceConfig> find(String id) {
        return db.read(sql -> sql.first("SELECT " + COLUMNS + " FROM sources WHERE id = ?", SourceStore::source, id));
    }

    @Override
    public void upsert(SourceConfig source) {
        Objects.requireNonNull(source, "source");
        db.write(sql -> sql.update("INSERT INTO sources (id, name, language, feed_url, page_url, link_selector, "
                        + "interval_seconds, enabled, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, language = excluded.language, "
                        + "feed_url = excluded.feed_url, page_url = excluded.page_url, "
                        + "link_selector = excluded.link_selector, interval_seconds = excluded.interval_seconds, "
                        + "enabled = excluded.enabled",
                source.id(), source.name(), source.language(), text(source.feed()), text(source.page()),
                source.linkSelector(), source.interval().toSeconds(), source.enabled(), clock.instant()));
    }

    @Override
    public boolean remove(String id) {
        return db.write(sql -> sql.update("DELETE FROM sources WHERE id = ?", id) > 0);
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static SourceConfig source(Row row) throws SQLException {
        String feed = row.string("feed_url");
        String page = row.string("page_url");
        return new SourceConfig(row.string("id"), row.string("name"), row.string("language"),
                feed == null ? null : URI.create(feed), page == null ? null : URI.create(page),
                row.string("link_selector"), Duration.ofSeconds(row.longValue("interval_seconds")), row.bool("enabled"));
    }
}
