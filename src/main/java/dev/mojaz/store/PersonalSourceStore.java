package dev.mojaz.store;

import dev.mojaz.domain.PersonalSourceRepository;
import dev.mojaz.domain.PersonalSourceRepository.PersonalSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link PersonalSourceRepository} over the database's personal_sources, source_owners and blocked_domains. */
public final class PersonalSourceStore implements PersonalSourceRepository {
    private static final String COLUMNS = "source_id, url_key, promoted, added_by, added_at";

    private final Database db;
    private final Clock clock;

    public PersonalSourceStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Marks an existing row of the sources table as {@code chatId}'s personal source, its first owner. Call it in
     * the transaction that stored the source.
     */
    @Override
    public void create(String sourceId, String urlKey, long chatId) {
        db.write(sql -> {
            Instant now = clock.instant();
            sql.update("INSERT INTO personal_sources (" + COLUMNS + ") VALUES (?, ?, FALSE, ?, ?)",
                    sourceId, urlKey, chatId, now);
            sql.update("INSERT INTO source_owners (source_id, chat_id, added_at) VALUES (?, ?, ?)", sourceId, chatId, now);
            return null;
        });
    }

    @Override
    public Optional<PersonalSource> find(String sourceId) {
        return db.read(sql -> sql.first("SELECT " + COLUMNS + " FROM personal_sources WHERE source_id = ?",
                PersonalSourceStore::personal, sourceId));
    }

    /** The personal source polling this URL (its canonical form), if any. */
    @Override
    public Optional<PersonalSource> byUrlKey(String urlKey) {
        return db.read(sql -> sql.first("SELECT " + COLUMNS + " FROM personal_sources WHERE url_key = ?",
                PersonalSourceStore::personal, urlKey));
    }

    /** Every personal source, promoted or not, by id. */
    @Override
    public List<PersonalSource> all() {
        return db.read(sql -> sql.list("SELECT " + COLUMNS + " FROM personal_sources ORDER BY source_id",
                PersonalSourceStore::personal));
    }

    /** Adds an owner; false when the chat owned it already. */
    @Override
    public boolean addOwner(String sourceId, long chatId) {
        return db.write(sql -> sql.insertIfAbsent("INSERT INTO source_owners (source_id, chat_id, added_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING chat_id", sourceId, chatId, clock.instant())
                .isPresent());
    }

    /** Removes an owner; false when the chat was not one. */
    @Override
    public boolean removeOwner(String sourceId, long chatId) {
        return db.write(sql -> sql.update("DELETE FROM source_owners WHERE source_id = ? AND chat_id = ?",
                sourceId, chatId) > 0);
    }

    /** The personal sources a chat owns, oldest first. */
    @Override
    public List<String> ownedBy(long chatId) {
        return db.read(sql -> sql.list("SELECT source_id FROM source_owners WHERE chat_id = ? ORDER BY added_at, "
                + "source_id", row -> row.string("source_id"), chatId));
    }

    @Override
    public List<Long> owners(String sourceId) {
        return db.read(sql -> sql.list("SELECT chat_id FROM source_owners WHERE source_id = ? ORDER BY added_at",
                row -> row.longValue("chat_id"), sourceId));
    }

    /** How many personal sources there are (for {@code bot.personal-sources.total}). */
    @Override
    public long count() {
        return db.read(sql -> sql.number("SELECT COUNT(*) FROM personal_sources"));
    }

    /** Personal sources no one owns any more (their last owner left or was forgotten), not promoted. */
    @Override
    public List<String> ownerless() {
        return db.read(sql -> sql.list("SELECT p.source_id FROM personal_sources p WHERE p.promoted = FALSE "
                + "AND NOT EXISTS (SELECT 1 FROM source_owners o WHERE o.source_id = p.source_id) ORDER BY p.source_id",
                row -> row.string("source_id")));
    }

    /** Makes a personal source everyone's; false when there is no such personal source. */
    @Override
    public boolean promote(String sourceId) {
        return db.write(sql -> sql.update("UPDATE personal_sources SET promoted = TRUE WHERE source_id = ?",
                sourceId) > 0);
    }

    /** The owners of every personal source that is not promoted: who its articles may reach. */
    @Override
    public Map<String, Set<Long>> restricted() {
        return db.read(sql -> {
            Map<String, Set<Long>> owners = new HashMap<>();
            for (String id : sql.list("SELECT source_id FROM personal_sources WHERE promoted = FALSE",
                    row -> row.string("source_id"))) {
                owners.put(id, new HashSet<>());
            }
            sql.list("SELECT o.source_id, o.chat_id FROM source_owners o JOIN personal_sources p "
                            + "ON p.source_id = o.source_id WHERE p.promoted = FALSE",
                    row -> owners.get(row.string("source_id")).add(row.longValue("chat_id")));
            return owners;
        });
    }

    // ---- blocked domains ----------------------------------------------------------------------------------------

    /** Keeps a domain (and its subdomains) out; false when it was blocked already. */
    @Override
    public boolean block(String domain, long by) {
        String d = domain.toLowerCase(Locale.ROOT);
        return db.write(sql -> sql.insertIfAbsent("INSERT INTO blocked_domains (domain, blocked_by, blocked_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING blocked_at", d, by, clock.instant()).isPresent());
    }

    /** Whether {@code host} is a blocked domain or under one. */
    @Override
    public boolean isBlocked(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return blocked().stream().anyMatch(domain -> h.equals(domain) || h.endsWith("." + domain));
    }

    @Override
    public List<String> blocked() {
        return db.read(sql -> sql.list("SELECT domain FROM blocked_domains ORDER BY domain", row -> row.string("domain")));
    }

    private static PersonalSource personal(Row row) throws SQLException {
        return new PersonalSource(row.string("source_id"), row.string("url_key"), row.bool("promoted"),
                row.longValue("added_by"), row.instant("added_at"));
    }
}
