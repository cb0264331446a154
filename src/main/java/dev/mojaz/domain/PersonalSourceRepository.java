package dev.mojaz.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sources people add for themselves, who owns each, and the domains admins keep out. The source itself is kept by the
 * {@link SourceRepository}, polled like any other and once however many people own it; a personal source's articles
 * reach only its owners until an admin promotes it. Removing the source (or the last owner's chat) takes its rows
 * here with it.
 */
public interface PersonalSourceRepository {
    /**
     * A personal source.
     *
     * @param sourceId its id in the source repository
     * @param urlKey   the canonical form of the URL that is polled (one source per feed)
     * @param promoted an admin made it everyone's: its articles reach every subscription
     * @param addedBy  the chat that added it first
     */
    record PersonalSource(String sourceId, String urlKey, boolean promoted, long addedBy, Instant addedAt) {
        public PersonalSource {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(urlKey, "urlKey");
        }
    }

    /**
     * Marks a stored source as {@code chatId}'s personal source, its first owner. Call it in the transaction that
     * stored the source.
     */
    void create(String sourceId, String urlKey, long chatId);

    Optional<PersonalSource> find(String sourceId);

    /** The personal source polling this URL (its canonical form), if any. */
    Optional<PersonalSource> byUrlKey(String urlKey);

    /** Every personal source, promoted or not, by id. */
    List<PersonalSource> all();

    /** Adds an owner; false when the chat owned it already. */
    boolean addOwner(String sourceId, long chatId);

    /** Removes an owner; false when the chat was not one. */
    boolean removeOwner(String sourceId, long chatId);

    /** The personal sources a chat owns, oldest first. */
    List<String> ownedBy(long chatId);

    List<Long> owners(String sourceId);

    /** How many personal sources there are (for {@code bot.personal-sources.total}). */
    long count();

    /** Personal sources no one owns any more (their last owner left or was forgotten), not promoted. */
    List<String> ownerless();

    /** Makes a personal source everyone's; false when there is no such personal source. */
    boolean promote(String sourceId);

    /** The owners of every personal source that is not promoted: who its articles may reach. */
    Map<String, Set<Long>> restricted();

    /** Keeps a domain (and its subdomains) out; false when it was blocked already. */
    boolean block(String domain, long by);

    /** Whether {@code host} is a blocked domain or under one. */
    boolean isBlocked(String host);

    List<String> blocked();
}
